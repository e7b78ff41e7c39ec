namespace Otp;

/// <summary>
/// The message a monitoring process receives when the monitored process ends, or at once when it
/// did not exist: Erlang's <c>{'DOWN', Ref, process, Item, Reason}</c>.
/// </summary>
/// <param name="Ref">The reference <see cref="Process.Monitor(Pid)"/> returned.</param>
/// <param name="Item">What was monitored: a <see cref="Pid"/>, or a <see cref="RegisteredName"/>
/// when the monitor was taken by name.</param>
/// <param name="Reason">The exit reason; <c>noproc</c> if there was no such process.</param>
public sealed record Down(Ref Ref, object Item, ExitReason Reason)
{
    /// <summary>Erlang notation, <c>{'DOWN',#Ref&lt;…&gt;,process,&lt;0.5.0&gt;,normal}</c>.</summary>
    public override string ToString() => $"{{'DOWN',{Ref},process,{Item},{Reason}}}";
}

/// <summary>A registered name on a node, as it appears in a <see cref="Down"/> message for a
/// monitor taken by name: Erlang's <c>{Name, Node}</c>.</summary>
public sealed record RegisteredName(string Name, string Node)
{
    /// <summary>Erlang notation, <c>{name,nonode@nohost}</c>.</summary>
    public override string ToString() => $"{{{new Atom(Name)},{new Atom(Node)}}}";
}
