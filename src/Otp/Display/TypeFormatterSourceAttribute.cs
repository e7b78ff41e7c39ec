namespace Otp.Display;

/// <summary>
/// Tells notebook kernels that recognise formatters by convention how to show a type.
/// .NET Interactive looks for an attribute with exactly this class name and reads
/// <see cref="FormatterSourceType"/> and <see cref="PreferredMimeTypes"/> by reflection, so the
/// runtime renders its diagrams there without referencing any .NET Interactive package. The
/// workbook's own kernel ignores it and calls <c>ToMimeBundle()</c> instead.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
internal sealed class TypeFormatterSourceAttribute(Type formatterSourceType) : Attribute
{
    /// <summary>A type with a public parameterless constructor and a public
    /// <c>CreateTypeFormatters()</c> method (see <see cref="MimeBundleFormatterSource{T}"/>).</summary>
    public Type FormatterSourceType { get; } = formatterSourceType;

    /// <summary>The MIME types the kernel should send, best first.</summary>
    public string[]? PreferredMimeTypes { get; set; }
}
