namespace Otp.Display;

/// <summary>A value that knows how to show itself in a notebook: its representations by MIME type.</summary>
internal interface IMimeBundle
{
    /// <summary>The representations, always including <c>text/plain</c>.</summary>
    IReadOnlyDictionary<string, string> ToMimeBundle();
}
