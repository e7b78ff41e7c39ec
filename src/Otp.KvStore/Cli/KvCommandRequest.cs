using System.Net;
using Otp.Crdts.Replication;

namespace Otp.KvStore.Cli;

/// <summary>What the command line asked for.</summary>
/// <param name="HttpPort">The HTTP API's port (0: any free port).</param>
/// <param name="Listen">The address to listen on.</param>
/// <param name="MaxBodyBytes">The largest body accepted.</param>
public sealed record KvCommandRequest(int HttpPort, IPAddress Listen, long MaxBodyBytes)
{
    /// <summary>The node's short name (<c>--sname</c>); null for a store on one unnamed node.</summary>
    public string? ShortName { get; init; }

    /// <summary>The cluster's cookie (<c>--cookie</c>); null: <c>~/.erlang.cookie</c>.</summary>
    public string? Cookie { get; init; }

    /// <summary>Every node of the cluster (<c>--hosts</c>), this one included; empty: this node alone.</summary>
    public IReadOnlyList<string> Hosts { get; init; } = [];

    /// <summary>W (<c>--w</c>): replicas a write must reach before it is acknowledged.</summary>
    public int WriteQuorum { get; init; } = 2;

    /// <summary>Anti-entropy and reconnect interval (<c>--sync-ms</c>).</summary>
    public TimeSpan SyncInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>What anti-entropy sends (<c>--sync full|delta</c>).</summary>
    public SyncMode Sync { get; init; } = SyncMode.FullState;
}
