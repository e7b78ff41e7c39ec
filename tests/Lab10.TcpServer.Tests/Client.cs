using System.Net.Sockets;
using System.Text;

namespace Lab10.TcpServer.Tests;

/// <summary>A test client on loopback: one connection, a line at a time, every wait bounded, and
/// a transcript of what it said and heard (<c>a&gt; line</c>, <c>a&lt; answer</c>).</summary>
internal sealed class Client : IAsyncDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly TcpClient _tcp = new();
    private readonly List<string>? _transcript;
    private readonly string _name;
    private StreamReader? _reader;

    private Client(string name, List<string>? transcript)
    {
        _name = name;
        _transcript = transcript;
    }

    public static async Task<Client> ConnectAsync(int port, string name = "client", List<string>? transcript = null)
    {
        var c = new Client(name, transcript);
        using var cts = new CancellationTokenSource(Wait);
        await c._tcp.ConnectAsync("127.0.0.1", port, cts.Token);
        c._reader = new StreamReader(c._tcp.GetStream(), Encoding.UTF8);
        return c;
    }

    public async Task SendLineAsync(string line)
    {
        _transcript?.Add($"{_name}> {(line.Length == 0 ? "(an empty line)" : line)}");
        using var cts = new CancellationTokenSource(Wait);
        try { await _tcp.GetStream().WriteAsync(Encoding.UTF8.GetBytes(line + "\n"), cts.Token); }
        catch (IOException) { /* the server closed: the next read says so */ }
    }

    /// <summary>The next line, or null when the server closed the connection.</summary>
    /// <exception cref="TimeoutException">Nothing came for 10 seconds.</exception>
    public async Task<string?> ReadLineAsync()
    {
        using var cts = new CancellationTokenSource(Wait);
        string? line;
        try { line = await _reader!.ReadLineAsync(cts.Token); }
        catch (IOException) { line = null; }
        catch (OperationCanceledException) { throw new TimeoutException($"{_name}: no answer from the server within {Wait.TotalSeconds:0} s"); }
        _transcript?.Add($"{_name}< {line ?? "(closed)"}");
        return line;
    }

    public async Task<string?> AskAsync(string line)
    {
        await SendLineAsync(line);
        return await ReadLineAsync();
    }

    public ValueTask DisposeAsync()
    {
        _tcp.Dispose();
        return ValueTask.CompletedTask;
    }
}
