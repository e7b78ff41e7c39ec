namespace Otp;

/// <summary>
/// An Erlang port identifier, <c>#Port&lt;0.7&gt;</c>. This runtime has no ports of its own; a
/// port received from another node is kept so that it can be compared, stored and sent back.
/// </summary>
/// <param name="NodeName">The node that owns the port.</param>
/// <param name="Id">The port's id on that node (64 bits since OTP 24's V4_PORT_EXT).</param>
/// <param name="Creation">The incarnation of the node that made it.</param>
public sealed record Port(Atom NodeName, ulong Id, uint Creation)
{
    /// <summary>Erlang's notation with the node's name: <c>#Port&lt;node@host.7&gt;</c>.</summary>
    public override string ToString() => $"#Port<{NodeName.Name}.{Id}>";
}
