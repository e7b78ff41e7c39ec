using System.Net;

namespace Otp.KvStore.Cli;

/// <summary>What the command line asked for. The cluster options (<c>--sname</c>, <c>--cookie</c>,
/// <c>--hosts</c>) will join these when the store replicates across nodes.</summary>
/// <param name="HttpPort">The HTTP API's port (0: any free port).</param>
/// <param name="Listen">The address to listen on.</param>
/// <param name="MaxBodyBytes">The largest body accepted.</param>
public sealed record KvCommandRequest(int HttpPort, IPAddress Listen, long MaxBodyBytes);
