namespace Workbook.Notebooks.Display;

/// <summary>
/// Content of one MIME type for a notebook to render: what <c>Markdown(..)</c>, <c>HTML(..)</c>
/// and <c>Svg(..)</c> return in a cell. Shown when it is a cell's last expression or passed to
/// <c>display(..)</c>.
/// </summary>
/// <param name="MimeType">The MIME type the front end renders, such as <c>text/markdown</c>.</param>
/// <param name="Content">The content in that type.</param>
/// <param name="PlainText">What a front end that cannot render the type shows instead.</param>
public sealed record RichContent(string MimeType, string Content, string PlainText)
{
    /// <summary>The representations a notebook front end can choose from: <see cref="MimeType"/>
    /// and <c>text/plain</c>.</summary>
    public IReadOnlyDictionary<string, string> ToMimeBundle() =>
        new Dictionary<string, string> { [MimeType] = Content, ["text/plain"] = PlainText };

    /// <summary>The plain-text form.</summary>
    public override string ToString() => PlainText;
}
