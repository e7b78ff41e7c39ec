namespace Otp.Display;

/// <summary>
/// The formatter source named by <see cref="TypeFormatterSourceAttribute"/> on the runtime's
/// diagrams: one formatter per MIME type the value offers. .NET Interactive binds the members by
/// name (<c>CreateTypeFormatters</c>, and on each formatter <c>MimeType</c>, <c>Type</c> and
/// <c>Format(object, TextWriter)</c>), so they must stay public and keep these names.
/// </summary>
/// <typeparam name="T">The type being formatted.</typeparam>
internal sealed class MimeBundleFormatterSource<T> where T : IMimeBundle
{
    private static readonly string[] MimeTypes = ["image/svg+xml", "text/markdown", "text/html", "text/plain"];

    /// <summary>The formatters, one per MIME type.</summary>
    public IEnumerable<object> CreateTypeFormatters() => MimeTypes.Select(m => new Formatter(m));

    /// <summary>Writes one representation of a <typeparamref name="T"/>.</summary>
    public sealed class Formatter(string mimeType)
    {
        /// <summary>The MIME type this formatter writes.</summary>
        public string MimeType { get; } = mimeType;

        /// <summary>The type it formats.</summary>
        public Type Type => typeof(T);

        /// <summary>Writes the value's representation in <see cref="MimeType"/>; false when the
        /// value is not a <typeparamref name="T"/> or has no such representation.</summary>
        public bool Format(object value, TextWriter writer)
        {
            if (value is not T shown || !shown.ToMimeBundle().TryGetValue(MimeType, out var text)) return false;
            writer.Write(text);
            return true;
        }
    }
}
