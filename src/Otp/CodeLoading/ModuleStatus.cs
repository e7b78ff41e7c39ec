namespace Otp.CodeLoading;

/// <summary>Where a <see cref="ModuleVersion"/> stands in Erlang's two-version scheme.</summary>
public enum ModuleStatus
{
    /// <summary>The version a fully qualified call enters.</summary>
    Current,

    /// <summary>Replaced by a newer version; processes already in it keep running it until they
    /// make a fully qualified call, or until it is purged.</summary>
    Old,

    /// <summary>Gone: its processes were killed and its load context was unloaded.</summary>
    Purged,
}
