namespace Otp.Distribution.Terms;

/// <summary>
/// The bytes given to the decoder are not a valid term in the External Term Format: truncated,
/// malformed, nested deeper than <see cref="ExternalTermFormat.MaxDepth"/>, or declaring more
/// content than the input holds.
/// </summary>
public sealed class ExternalTermFormatException : FormatException
{
    /// <summary>A failure at byte <paramref name="position"/> of the input.</summary>
    public ExternalTermFormatException(int position, string reason, Exception? inner = null)
        : base($"bad external term at byte {position}: {reason}", inner)
    {
        Position = position;
        Reason = reason;
    }

    /// <summary>The offset in the input where decoding failed.</summary>
    public int Position { get; }

    /// <summary>What was wrong, without the position.</summary>
    public string Reason { get; }
}
