using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Otp.Benchmarks.Benchmarks;

/// <summary>
/// The load of the TCP benchmark, the same for both servers: many connections held at once, then
/// every connection making round trips concurrently (put, get and echo in turn), each answer
/// checked. Clients run in this program; the server under test runs in a process of its own.
/// </summary>
internal static class TcpLoad
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    /// <summary>One client connection, reading lines.</summary>
    internal sealed class Connection : IDisposable
    {
        private readonly TcpClient _tcp;
        private readonly NetworkStream _stream;
        private readonly StreamReader _reader;

        private Connection(TcpClient tcp)
        {
            _tcp = tcp;
            _stream = tcp.GetStream();
            _reader = new StreamReader(_stream, Encoding.UTF8);
        }

        public static async Task<Connection?> OpenAsync(int port)
        {
            var tcp = new TcpClient { NoDelay = true };
            try
            {
                using var limit = new CancellationTokenSource(Wait);
                await tcp.ConnectAsync("127.0.0.1", port, limit.Token);
                return new Connection(tcp);
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException)
            {
                tcp.Dispose();
                return null;
            }
        }

        /// <summary>Sends a line and returns the answer; null if the connection failed or the
        /// answer did not come within 20 s.</summary>
        public async Task<string?> AskAsync(string line)
        {
            try
            {
                using var limit = new CancellationTokenSource(Wait);
                await _stream.WriteAsync(Encoding.UTF8.GetBytes(line + "\n"), limit.Token);
                return await _reader.ReadLineAsync(limit.Token);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or SocketException)
            {
                return null;
            }
        }

        public void Dispose() => _tcp.Dispose();
    }

    /// <summary>Opens <paramref name="count"/> connections, 50 at a time, and has each answered once;
    /// returns those that were (the connections held).</summary>
    public static async Task<List<Connection>> ConnectAsync(int port, int count)
    {
        var held = new List<Connection>(count);
        for (var start = 0; start < count; start += 50)
        {
            var batch = await Task.WhenAll(Enumerable.Range(start, Math.Min(50, count - start)).Select(async i =>
            {
                var c = await Connection.OpenAsync(port);
                if (c is null) return null;
                if (await c.AskAsync($"echo hello {i}") == $"hello {i}") return c;
                c.Dispose();
                return null;
            }));
            held.AddRange(batch.OfType<Connection>());
        }
        return held;
    }

    /// <summary>Every connection makes <paramref name="requests"/> round trips at the same time.
    /// Returns requests per second (all connections together) and the 99th percentile of the
    /// round-trip latency in microseconds.</summary>
    /// <exception cref="InvalidOperationException">A wrong or missing answer: the figures would
    /// not be about a working server.</exception>
    public static async Task<(double PerSecond, double P99Micros)> RoundTripsAsync(IReadOnlyList<Connection> connections, int requests, int round)
    {
        var latencies = new long[connections.Count][];
        var start = Stopwatch.GetTimestamp();
        await Task.WhenAll(connections.Select(async (c, i) =>
        {
            var mine = latencies[i] = new long[requests];
            for (var j = 0; j < requests; j++)
            {
                var (ask, expected) = (j % 3) switch
                {
                    0 => ($"put k{i} r{round}v{j}", "ok"),
                    1 => ($"get k{i}", $"value r{round}v{j - 1}"),
                    _ => ($"echo {i} {j}", $"{i} {j}"),
                };
                var t0 = Stopwatch.GetTimestamp();
                var answer = await c.AskAsync(ask);
                mine[j] = Stopwatch.GetTimestamp() - t0;
                if (answer != expected)
                    throw new InvalidOperationException($"connection {i}: \"{ask}\" was answered \"{answer ?? "(nothing)"}\", not \"{expected}\"");
            }
        }));
        var elapsed = Stopwatch.GetElapsedTime(start);
        var all = latencies.SelectMany(l => l).Order().ToArray();
        var p99 = all[Math.Min(all.Length - 1, (int)Math.Ceiling(all.Length * 0.99) - 1)];
        return (all.Length / elapsed.TotalSeconds, p99 * 1e6 / Stopwatch.Frequency);
    }
}
