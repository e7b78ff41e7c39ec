namespace Otp.NodeCommand;

/// <summary>What the command line asked for.</summary>
/// <param name="Name">The node's name as given (<c>NAME</c> or <c>NAME@HOST</c>).</param>
/// <param name="LongName">True for <c>--name</c>: the host must be fully qualified or an IP.</param>
/// <param name="Cookie">The cookie, or null for <c>~/.erlang.cookie</c>.</param>
/// <param name="Ping">Nodes to ping once the node is up.</param>
/// <param name="Visible">Join as a visible node.</param>
/// <param name="Run">The <c>--run MODULE FUNCTION [ARG...]</c> words, empty for none.</param>
public sealed record NodeRequest(string Name, bool LongName, string? Cookie, IReadOnlyList<string> Ping, bool Visible, IReadOnlyList<string> Run)
{
    /// <summary>A request without <c>--run</c>.</summary>
    public NodeRequest(string Name, bool LongName, string? Cookie, IReadOnlyList<string> Ping, bool Visible)
        : this(Name, LongName, Cookie, Ping, Visible, []) { }
}
