using System.Net.Sockets;
using System.Text;

namespace Otp.Conformance.Tests.Harness;

/// <summary>A loopback client for the socket scenarios: it records what it sends and hears the
/// way their escripts print it (<c>a&gt; line</c>, <c>a&lt; answer</c>, <c>a&lt; (closed)</c>; a line
/// over 40 bytes as its length). Every wait is bounded (10 s, as the escripts' <c>recv</c>).</summary>
public sealed class LineClient : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly TcpClient _tcp = new();
    private Observations _obs;
    private readonly string _name;
    private StreamReader? _reader;

    private LineClient(string name, Observations obs)
    {
        _name = name;
        _obs = obs;
    }

    public static async Task<LineClient> ConnectAsync(int port, string name, Observations obs)
    {
        var c = new LineClient(name, obs);
        using var limit = new CancellationTokenSource(Wait);
        await c._tcp.ConnectAsync("127.0.0.1", port, limit.Token);
        c._reader = new StreamReader(c._tcp.GetStream(), Encoding.UTF8);
        return c;
    }

    /// <summary>Connects, sends <paramref name="line"/> (unless null) and records the answer; while
    /// the answer is <c>error busy</c>, closes and tries again (every 20 ms, at most 100 times), as
    /// the escripts' <c>connect_when_free</c> does: a freed place is not visible to a client.</summary>
    public static async Task<LineClient> ConnectWhenFreeAsync(int port, string name, Observations obs, string? line)
    {
        for (var tries = 100; ; tries--)
        {
            var quiet = new Observations();
            var c = await ConnectAsync(port, name, quiet);
            if (line is not null) await c.SendAsync(line);
            await c.ReadAsync();
            if (quiet.Lines[^1] == $"{name}< error busy" && tries > 1)
            {
                c.Dispose();
                await Task.Delay(20);
                continue;
            }
            if (line is not null) obs.Add($"{name}> {line}");
            obs.Add(quiet.Lines[^1]);
            // From here on, what it says and hears is the scenario's.
            c._obs = obs;
            return c;
        }
    }

    public async Task AskAsync(string line)
    {
        _obs.Add($"{_name}> {(line.Length > 40 ? $"(a line of {line.Length} bytes)" : line)}");
        await SendAsync(line);
        await ReadAsync();
    }

    private async Task SendAsync(string line)
    {
        try
        {
            using var limit = new CancellationTokenSource(Wait);
            await _tcp.GetStream().WriteAsync(Encoding.UTF8.GetBytes(line + "\n"), limit.Token);
        }
        catch (IOException)
        {
            // Closed by the server: the read says so.
        }
    }

    public async Task ReadAsync()
    {
        string? line;
        try
        {
            using var limit = new CancellationTokenSource(Wait);
            line = await _reader!.ReadLineAsync(limit.Token);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            line = null;
        }
        _obs.Add($"{_name}< {line ?? "(closed)"}");
    }

    public void Dispose() => _tcp.Dispose();
}
