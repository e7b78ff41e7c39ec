using System.Net;

namespace Otp.Distribution;

/// <summary>
/// A distributed node's name, <c>alive@host</c>, as <c>erl -sname</c> (short: the host has no
/// dot) or <c>erl -name</c> (long: a fully qualified host or an IP address) gives it. Nodes with
/// short names and nodes with long names cannot talk to each other, as in Erlang.
/// </summary>
/// <param name="Alive">The part before the <c>@</c>: what EPMD registers.</param>
/// <param name="Host">The part after the <c>@</c>: where EPMD and the node are found.</param>
public sealed record NodeName(string Alive, string Host)
{
    /// <summary>The name a node has when it is not distributed.</summary>
    public const string NoNode = "nonode@nohost";

    /// <summary>True for a long name (<c>-name</c>): the host contains a dot.</summary>
    public bool IsLong => Host.Contains('.') || Host.Contains(':');

    /// <summary>
    /// Parses <c>alive@host</c>. A bare <c>alive</c> gets this machine's short host name, as
    /// <c>erl -sname alive</c> does.
    /// </summary>
    /// <exception cref="ArgumentException">Empty parts, more than one <c>@</c>, or characters EPMD
    /// does not accept in the alive part.</exception>
    public static NodeName Parse(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var at = name.IndexOf('@');
        if (at < 0) return Validate(new NodeName(name, ShortHostName()), name);
        if (name.IndexOf('@', at + 1) >= 0) throw new ArgumentException($"node name '{name}': more than one '@'", nameof(name));
        return Validate(new NodeName(name[..at], name[(at + 1)..]), name);
    }

    private static NodeName Validate(NodeName n, string original)
    {
        if (n.Alive.Length == 0 || n.Host.Length == 0)
            throw new ArgumentException($"node name '{original}': expected alive@host with both parts non-empty", nameof(original));
        // EPMD's name field and the handshake carry the name as UTF-8 with a 16-bit length; erl
        // itself only accepts letters, digits, '-' and '_' in the alive part.
        if (!n.Alive.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            throw new ArgumentException($"node name '{original}': the part before '@' may only hold letters, digits, '_' and '-'", nameof(original));
        if (n.Host.Any(char.IsWhiteSpace))
            throw new ArgumentException($"node name '{original}': the host may not contain spaces", nameof(original));
        return n;
    }

    /// <summary>This machine's host name up to the first dot, as <c>-sname</c> uses it.</summary>
    public static string ShortHostName()
    {
        var host = Dns.GetHostName();
        var dot = host.IndexOf('.');
        return dot < 0 ? host : host[..dot];
    }

    /// <summary><c>alive@host</c>.</summary>
    public override string ToString() => $"{Alive}@{Host}";
}
