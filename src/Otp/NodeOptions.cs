using System.Net;

namespace Otp;

/// <summary>How a <see cref="Node"/> runs.</summary>
public sealed record NodeOptions
{
    /// <summary>Run every process on one thread with a virtual clock, reproducibly.</summary>
    public bool Deterministic { get; init; }

    /// <summary>With <see cref="Deterministic"/>: vary the order in which ready processes run.
    /// The same seed gives the same run; null runs them first come, first served.</summary>
    public int? Seed { get; init; }

    /// <summary>Record a <see cref="Tracing.TraceLog"/> of everything that happens.</summary>
    public bool Trace { get; init; }

    /// <summary>The clock for real-time nodes; <see cref="TimeProvider.System"/> by default.
    /// Deterministic nodes always use a <see cref="Scheduling.VirtualTimeProvider"/>.</summary>
    public TimeProvider? Time { get; init; }

    /// <summary>The node's name, Erlang style; <c>nonode@nohost</c> for a node that is not
    /// distributed. For <see cref="Node.StartDistributedAsync"/>: <c>alive@host</c> (a host with
    /// a dot is a long name, as <c>-name</c>; otherwise a short name, as <c>-sname</c>), or just
    /// <c>alive</c> for this machine's short host name.</summary>
    public string Name { get; init; } = "nonode@nohost";

    // ---- Distribution (Node.StartDistributedAsync only) ----------------------------------------

    /// <summary>The magic cookie; when null, read from <see cref="CookieFile"/> (created with a
    /// random cookie when missing), as erl does.</summary>
    public string? Cookie { get; init; }

    /// <summary>The cookie file; null for <c>~/.erlang.cookie</c>.</summary>
    public string? CookieFile { get; init; }

    /// <summary>
    /// True (the default) for a hidden node: Erlang peers list it in <c>nodes(hidden)</c>, not in
    /// <c>nodes()</c>. A visible node would be expected to speak <c>global</c>'s protocol, which
    /// this runtime does not, and <c>global:sync()</c> on its Erlang peers would then wait
    /// forever; docs/distribution.md explains the choice.
    /// </summary>
    public bool Hidden { get; init; } = true;

    /// <summary>Erlang's <c>net_ticktime</c>: a peer silent for this long is disconnected; a tick
    /// goes out every quarter of it when nothing else does. Default 60 s, as in Erlang.</summary>
    public TimeSpan NetTickTime { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Erlang's <c>net_setuptime</c>: how long an EPMD lookup plus handshake may take.
    /// Default 7 s, as in Erlang.</summary>
    public TimeSpan SetupTime { get; init; } = TimeSpan.FromSeconds(7);

    /// <summary>EPMD's port; null for <c>ERL_EPMD_PORT</c> or 4369.</summary>
    public int? EpmdPort { get; init; }

    /// <summary>Start an EPMD in this process when none answers (default true).</summary>
    public bool StartEpmd { get; init; } = true;

    /// <summary>The port to accept other nodes on; 0 (default) for any free port.</summary>
    public int DistributionPort { get; init; }

    /// <summary>The address to accept other nodes on; null for the loopback interface only.</summary>
    public IPAddress? ListenAddress { get; init; }

    /// <summary>The largest frame accepted from another node; a larger one closes that connection
    /// (default 64 MiB).</summary>
    public long MaxFrameSize { get; init; } = 64L * 1024 * 1024;

    /// <summary>Connect to the nodes a newly connected node knows (Erlang's <c>connect_all</c>,
    /// default true), so that connecting to one member connects to all.</summary>
    public bool ConnectAll { get; init; } = true;

    /// <summary>Where the distribution writes its log lines (refusals, lost connections); null
    /// for standard error, as erl writes them to its console.</summary>
    public Action<string>? DistributionLog { get; init; }

    /// <summary>The node's standard output: where <see cref="Process.PutCharsAsync"/> and
    /// <see cref="Process.FormatAsync"/> write for a process without a group leader, and where
    /// the node's <c>user</c> process writes what processes of other nodes print here; null for
    /// <see cref="Console.Out"/>. Writes come from several threads: pass a synchronized writer.</summary>
    public TextWriter? StandardOutput { get; init; }
}
