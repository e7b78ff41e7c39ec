namespace Otp.KvStore.Http;

/// <summary>What the HTTP API stores under a key: the request body's bytes, and the content type
/// they came with, to send back with them.</summary>
/// <param name="Body">The bytes, exactly as posted. Never changed after it is stored.</param>
/// <param name="ContentType">The request's <c>Content-Type</c>, or <c>application/octet-stream</c> when it had none.</param>
/// <remarks>Two values are equal when their bytes and content types are; values are ordered by
/// content type, then bytes (so a replicated store can keep concurrent values sorted).</remarks>
public sealed record StoredValue(byte[] Body, string ContentType) : IComparable<StoredValue>
{
    /// <inheritdoc/>
    public bool Equals(StoredValue? other) =>
        other is not null && ContentType == other.ContentType && Body.AsSpan().SequenceEqual(other.Body);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(ContentType);
        hash.AddBytes(Body);
        return hash.ToHashCode();
    }

    /// <inheritdoc/>
    public int CompareTo(StoredValue? other) =>
        other is null ? 1
        : string.CompareOrdinal(ContentType, other.ContentType) is var byType and not 0 ? byType
        : Body.AsSpan().SequenceCompareTo(other.Body);

    /// <summary>The content type of a body posted without one.</summary>
    public const string DefaultContentType = "application/octet-stream";
}
