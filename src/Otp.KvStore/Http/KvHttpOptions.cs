using System.Net;

namespace Otp.KvStore.Http;

/// <summary>Where the HTTP API listens and what it accepts.</summary>
public sealed record KvHttpOptions
{
    /// <summary>The address to listen on; default the IPv4 loopback, so a store is not reachable from
    /// other machines unless asked for.</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>The TCP port; 0 (the default) picks a free one (see <see cref="KvHttpServer.BaseAddress"/>).</summary>
    public int Port { get; init; }

    /// <summary>The longest namespace accepted, in characters; default 64.</summary>
    public int MaxNamespaceLength { get; init; } = 64;

    /// <summary>The longest key accepted, in characters; default 256.</summary>
    public int MaxKeyLength { get; init; } = 256;

    /// <summary>The largest body accepted, in bytes; default 1 MiB. A larger one gets 413 and is not stored.</summary>
    public long MaxBodyBytes { get; init; } = 1024 * 1024;
}
