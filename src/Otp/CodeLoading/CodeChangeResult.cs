namespace Otp.CodeLoading;

/// <summary>What <see cref="ModuleServer.ChangeCodeAsync"/> did.</summary>
/// <param name="Upgraded">True if the server now runs <paramref name="ToVersion"/> with the
/// transformed state; false if it stayed where it was with its state untouched.</param>
/// <param name="FromVersion">The version the server ran before.</param>
/// <param name="ToVersion">The version it tried to move to (the current one).</param>
/// <param name="Error">Why the code change failed, or null.</param>
public sealed record CodeChangeResult(bool Upgraded, int FromVersion, int ToVersion, string? Error)
{
    /// <summary>For example <c>upgraded v1 -&gt; v2</c>, or why it stayed.</summary>
    public override string ToString() => Upgraded
        ? FromVersion == ToVersion ? $"already on v{ToVersion}" : $"upgraded v{FromVersion} -> v{ToVersion}"
        : $"code change v{FromVersion} -> v{ToVersion} failed, still on v{FromVersion} with its state: {Error}";
}
