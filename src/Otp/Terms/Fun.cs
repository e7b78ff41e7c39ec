namespace Otp;

/// <summary>
/// An Erlang fun received from another node: a closure (<c>fun() -&gt; ... end</c>, NEW_FUN_EXT)
/// or an export (<c>fun lists:reverse/1</c>, EXPORT_EXT). This runtime cannot run BEAM code, so a
/// fun is opaque: it can be compared, stored, printed and sent back byte for byte as it came.
/// </summary>
public sealed class Fun : IEquatable<Fun>
{
    private readonly byte[] _external;

    internal Fun(byte[] external, Atom module, Atom? function, int arity)
    {
        _external = external;
        Module = module;
        Function = function;
        Arity = arity;
    }

    /// <summary>The module the fun belongs to.</summary>
    public Atom Module { get; }

    /// <summary>The function of an export (<c>fun M:F/A</c>); null for a closure.</summary>
    public Atom? Function { get; }

    /// <summary>How many arguments the fun takes.</summary>
    public int Arity { get; }

    /// <summary>True for <c>fun M:F/A</c>.</summary>
    public bool IsExport => Function is not null;

    /// <summary>The fun's encoding as it arrived, from its tag byte on (no version byte).</summary>
    public ReadOnlySpan<byte> ExternalBytes => _external;

    /// <summary>Erlang's notation: <c>fun lists:reverse/1</c>, or <c>#Fun&lt;erl_eval.arity&gt;</c>
    /// for a closure.</summary>
    public override string ToString() => Function is { } f ? $"fun {Module}:{f}/{Arity}" : $"#Fun<{Module}.{Arity}>";

    /// <summary>Two funs are equal when their encodings are.</summary>
    public bool Equals(Fun? other) => other is not null && other._external.AsSpan().SequenceEqual(_external);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Fun f && Equals(f);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var h = new HashCode();
        h.AddBytes(_external);
        return h.ToHashCode();
    }
}
