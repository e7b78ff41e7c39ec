using System.Net.Sockets;
using System.Text;

namespace Workbook.Notebooks.Helpers.Sockets;

/// <summary>
/// A client for the chapter's line servers: one connection to 127.0.0.1, a line at a time. With
/// a name, it prints what it sends (<c>a&gt; put k v</c>) and what it hears (<c>a&lt; ok</c>), so a cell
/// shows the conversation; without one it is quiet (for load). Every wait is bounded.
/// </summary>
public sealed class LineClient : IAsyncDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly TcpClient _tcp = new();
    private readonly string? _name;
    private StreamReader? _reader;

    private LineClient(string? name) => _name = name;

    /// <summary>Connects to <paramref name="port"/> on 127.0.0.1.</summary>
    /// <param name="port">The server's port.</param>
    /// <param name="name">Prefix of the printed conversation; null prints nothing.</param>
    /// <exception cref="SocketException">Nobody listens there.</exception>
    public static async Task<LineClient> ConnectAsync(int port, string? name = null)
    {
        var client = new LineClient(name);
        using var limit = new CancellationTokenSource(Wait);
        await client._tcp.ConnectAsync("127.0.0.1", port, limit.Token).ConfigureAwait(false);
        client._reader = new StreamReader(client._tcp.GetStream(), Encoding.UTF8);
        return client;
    }

    /// <summary>Sends one line (the line ending is added). A server that already closed the
    /// connection is not an error here: the next read says so.</summary>
    public async Task SendAsync(string line)
    {
        if (_name is not null) Console.WriteLine($"{_name}> {line}");
        using var limit = new CancellationTokenSource(Wait);
        try { await _tcp.GetStream().WriteAsync(Encoding.UTF8.GetBytes(line + "\n"), limit.Token).ConfigureAwait(false); }
        catch (IOException) { }
    }

    /// <summary>The next line from the server, or null when it closed the connection.</summary>
    /// <exception cref="TimeoutException">Nothing came for 10 seconds.</exception>
    public async Task<string?> ReadLineAsync()
    {
        using var limit = new CancellationTokenSource(Wait);
        string? line;
        try { line = await _reader!.ReadLineAsync(limit.Token).ConfigureAwait(false); }
        catch (IOException) { line = null; }
        catch (OperationCanceledException) { throw new TimeoutException($"no answer within {Wait.TotalSeconds:0} s"); }
        if (_name is not null) Console.WriteLine($"{_name}< {line ?? "(connection closed)"}");
        return line;
    }

    /// <summary>Sends <paramref name="line"/> and returns the answer (null: the server closed).</summary>
    public async Task<string?> AskAsync(string line)
    {
        await SendAsync(line).ConfigureAwait(false);
        return await ReadLineAsync().ConfigureAwait(false);
    }

    /// <summary>Closes the connection.</summary>
    public ValueTask DisposeAsync()
    {
        _tcp.Dispose();
        return ValueTask.CompletedTask;
    }
}
