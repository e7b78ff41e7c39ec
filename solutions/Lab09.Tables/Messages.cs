using Otp;

namespace Lab09.Tables;

/// <summary>Asks the cache server to store <paramref name="Value"/> under <paramref name="Key"/>;
/// answered with <see cref="Stored"/>.</summary>
public sealed record Put(Pid From, string Key, string Value)
{
    /// <inheritdoc/>
    public override string ToString() => $"{{put,{From},\"{Key}\",\"{Value}\"}}";
}

/// <summary>The cache server's answer to <see cref="Put"/>: the object is in the table.</summary>
public sealed record Stored(string Key)
{
    /// <inheritdoc/>
    public override string ToString() => $"{{stored,\"{Key}\"}}";
}

/// <summary>Tells the cache server to crash (the tests use it to show what survives).</summary>
public sealed record Crash
{
    /// <summary>The one instance.</summary>
    public static Crash Instance { get; } = new();

    /// <inheritdoc/>
    public override string ToString() => "crash";
}
