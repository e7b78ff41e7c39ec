using System.Net.Sockets;
using System.Text;

namespace Otp.Tests.Sockets;

/// <summary>A test client: one loopback connection, a line at a time, every wait bounded.</summary>
internal sealed class LineClient : IAsyncDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private readonly TcpClient _client = new();
    private StreamReader? _reader;

    public Socket Socket => _client.Client;

    public static async Task<LineClient> ConnectAsync(int port)
    {
        var c = new LineClient();
        using var cts = new CancellationTokenSource(Wait);
        await c._client.ConnectAsync("127.0.0.1", port, cts.Token);
        c._reader = new StreamReader(c._client.GetStream(), Encoding.UTF8);
        return c;
    }

    public async Task SendAsync(string text)
    {
        using var cts = new CancellationTokenSource(Wait);
        await _client.GetStream().WriteAsync(Encoding.UTF8.GetBytes(text), cts.Token);
    }

    public Task SendLineAsync(string line) => SendAsync(line + "\n");

    /// <summary>The next line, or null at the end of the stream (or when the server reset it).</summary>
    public async Task<string?> ReadLineAsync()
    {
        using var cts = new CancellationTokenSource(Wait);
        try { return await _reader!.ReadLineAsync(cts.Token); }
        catch (IOException) { return null; }
    }

    public async Task<string?> AskAsync(string line)
    {
        await SendLineAsync(line);
        return await ReadLineAsync();
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }
}
