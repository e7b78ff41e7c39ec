using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Otp.KvStore.Http;

/// <summary>
/// The store's HTTP API served by Kestrel: start it with <see cref="StartAsync"/>, read where it
/// listens from <see cref="BaseAddress"/>, stop it by disposing. The routes and statuses are
/// those of akvs (docs/kvstore.md).
/// </summary>
public sealed class KvHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private KvHttpServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>Where the server listens, for example <c>http://127.0.0.1:8080/</c> (the real port
    /// when <see cref="KvHttpOptions.Port"/> was 0).</summary>
    public Uri BaseAddress { get; }

    /// <summary>Starts Kestrel on <paramref name="options"/>' address and port, serving
    /// <paramref name="backend"/>. Returns once it accepts connections.</summary>
    /// <exception cref="IOException">The port is in use.</exception>
    public static async Task<KvHttpServer> StartAsync(IKvBackend backend, KvHttpOptions? options = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(backend);
        options ??= new KvHttpOptions();
        var builder = WebApplication.CreateSlimBuilder();
        // The store prints its own one line on start; ASP.NET's console logging would interleave
        // with test output and with curl sessions in the docs.
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<Microsoft.Extensions.Hosting.IHostLifetime, EmbeddedLifetime>();
        builder.WebHost.UseKestrel(k => k.Listen(options.Address, options.Port));
        var app = builder.Build();
        var handler = new KvRequestHandler(backend, options);
        app.Run(handler.HandleAsync);
        await app.StartAsync(cancel);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new KvHttpServer(app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    /// <summary>Stops accepting requests, lets those in progress finish (a few seconds at most) and releases the port.</summary>
    public async ValueTask DisposeAsync()
    {
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(grace.Token);
        await _app.DisposeAsync();
    }
}
