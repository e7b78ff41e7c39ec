namespace Otp.Distribution;

/// <summary>
/// The part of spawning across nodes that does not depend on the transport: reading a
/// SPAWN_REQUEST's options, starting the requested process, and the flags of the SPAWN_REPLY.
/// <see cref="NodeDistribution"/> (TCP) and <see cref="Simulation.SimulatedNode"/> both use it,
/// so a spawn from another node behaves the same over either.
/// </summary>
internal static class RemoteSpawn
{
    /// <summary>SPAWN_REPLY flag: the new process is linked to the spawner.</summary>
    public const int Linked = 1;

    /// <summary>SPAWN_REPLY flag: the spawner monitors the new process (the request id is the monitor's reference).</summary>
    public const int Monitored = 2;

    private static readonly Atom s_link = new("link");
    private static readonly Atom s_monitor = new("monitor");

    /// <summary>The options a spawner sends for <c>spawn_link</c> / <c>spawn_monitor</c>.</summary>
    public static ErlangList Options(bool link, bool monitor)
    {
        var options = new List<object?>(2);
        if (link) options.Add(s_link);
        if (monitor) options.Add(s_monitor);
        return new ErlangList([.. options]);
    }

    /// <summary>Reads <c>link</c> and <c>monitor</c> (also <c>{monitor, Opts}</c>) from a
    /// request's options; the others (priorities, heap sizes) are accepted and ignored.</summary>
    public static (bool Link, bool Monitor) ReadOptions(ErlangList options)
    {
        bool link = false, monitor = false;
        foreach (var o in options)
            switch (o)
            {
                case Atom { Name: "link" }: link = true; break;
                case Atom { Name: "monitor" }: monitor = true; break;
                case ErlangTuple { Length: 2 } t when t[0] is Atom { Name: "monitor" }: monitor = true; break;
            }
        return (link, monitor);
    }

    /// <summary>
    /// Creates, without starting it, the process that runs <c>M:F(Args)</c> from the node's
    /// modules for a spawner of another node, with the spawner's group leader. The caller sets
    /// up link and monitor, queues the reply, then starts it, so that every exit signal of the
    /// new process follows its reply.
    /// </summary>
    public static Process Prepare(Node node, Pid from, Pid groupLeader, Atom module, Atom function, ErlangList args)
    {
        var p = node.SpawnFrom(from, node.Modules.Body(module, function, [.. args]), link: false, start: false);
        p.InitGroupLeader(groupLeader);
        return p;
    }
}
