using Workbook.Notebooks.Display;

namespace Workbook.Notebooks.Execution;

/// <summary>
/// The names every cell sees besides its own: <c>display(x)</c> and the content helpers. The
/// lowercase <c>display</c> and <c>HTML</c> are the names .NET Interactive gave them, so cells
/// using them run there too; <c>Markdown</c> and <c>Svg</c> are this workbook's.
/// </summary>
public sealed class CellGlobals
{
    private readonly NotebookSession _session;

    internal CellGlobals(NotebookSession session) => _session = session;

    /// <summary>Shows <paramref name="value"/> now, as its own output below the cell's earlier
    /// output, with every representation it has (see <see cref="ValueFormatter"/>).</summary>
#pragma warning disable IDE1006 // .NET Interactive's name, kept for notebooks that run on both
    public void display(object? value) => _session.Display(value);
#pragma warning restore IDE1006

    /// <summary>Same as <c>display(value)</c>.</summary>
    public void Display(object? value) => _session.Display(value);

    /// <summary>Markdown for the front end to render (<c>text/markdown</c>).</summary>
    public RichContent Markdown(string markdown) => new("text/markdown", markdown, markdown);

    /// <summary>HTML for the front end to render (<c>text/html</c>).</summary>
    public RichContent HTML(string html) => new("text/html", html, html);

    /// <summary>An SVG image for the front end to render (<c>image/svg+xml</c>).</summary>
    public RichContent Svg(string svg) => new("image/svg+xml", svg, "[SVG image]");

    /// <summary>Fires when the running cell is interrupted. Long loops can check it to stop
    /// cleanly; code that ignores it is abandoned after a grace period.</summary>
    public CancellationToken CancellationToken => _session.CurrentCancellation;
}
