namespace Otp.KvStore.Http;

/// <summary>What the HTTP API stores under a key: the request body's bytes, and the content type
/// they came with, to send back with them.</summary>
/// <param name="Body">The bytes, exactly as posted. Never changed after it is stored.</param>
/// <param name="ContentType">The request's <c>Content-Type</c>, or <c>application/octet-stream</c> when it had none.</param>
public sealed record StoredValue(byte[] Body, string ContentType)
{
    /// <summary>The content type of a body posted without one.</summary>
    public const string DefaultContentType = "application/octet-stream";
}
