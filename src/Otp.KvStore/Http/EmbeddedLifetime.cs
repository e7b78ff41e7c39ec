using Microsoft.Extensions.Hosting;

namespace Otp.KvStore.Http;

/// <summary>
/// The host lifetime of an HTTP server that is part of a larger program: it neither waits for nor
/// reacts to Ctrl+C and SIGTERM. ASP.NET's default (the console lifetime) would take those signals
/// for itself, and the program that owns the process (the command line, a test) would never hear
/// them; here the owner stops the server by disposing it.
/// </summary>
internal sealed class EmbeddedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
