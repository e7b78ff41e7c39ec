namespace Otp.Behaviours;

/// <summary>One line of <see cref="Supervisor.WhichChildrenAsync(Process, Pid)"/>: Erlang's
/// <c>{Id, Child, Type, Modules}</c>.</summary>
/// <param name="Id">The child's id.</param>
/// <param name="Pid">Its pid, or null when it is not running (Erlang's <c>undefined</c>, or
/// <c>restarting</c> while a restart is pending).</param>
/// <param name="Type">Worker or supervisor.</param>
/// <param name="Restarting">True while a failed restart waits to be tried again.</param>
public sealed record ChildInfo(string Id, Pid? Pid, ChildType Type, bool Restarting = false)
{
    /// <summary>Erlang notation, <c>{worker1,&lt;0.5.0&gt;,worker,[]}</c>.</summary>
    public override string ToString() =>
        $"{{{new Atom(Id)},{(Pid?.ToString() ?? (Restarting ? "restarting" : "undefined"))},{Type.ToString().ToLowerInvariant()},[]}}";
}
