using System.CommandLine;
using System.Net;
using System.Runtime.InteropServices;
using Otp.KvStore.Cli;
using Otp.KvStore.Http;

// The key-value store from the command line: `dotnet run --project src/Otp.KvStore -- --http 8080`.
// Exit codes: 0 after Ctrl+C (or SIGTERM), 1 when it cannot start (port taken), 2 for bad options.
var defaults = new KvHttpOptions();
var http = new Option<int>("--http") { Description = "Serve the HTTP API on this port (0: any free port).", Required = true };
var listen = new Option<string>("--listen") { Description = "The address to listen on (default 127.0.0.1; 0.0.0.0 for every interface).", DefaultValueFactory = _ => "127.0.0.1" };
var maxBody = new Option<long>("--max-body") { Description = $"The largest body accepted, in bytes (default {defaults.MaxBodyBytes}); larger gets 413.", DefaultValueFactory = _ => defaults.MaxBodyBytes };

var command = new RootCommand("Chapter 7's key-value store: one store per namespace on a C# node, behind an HTTP API (docs/kvstore.md).")
{
    http, listen, maxBody,
};
command.Validators.Add(r =>
{
    if (r.GetValue(http) is < 0 or > 65535) r.AddError("--http needs a port from 0 to 65535.");
    if (r.GetValue(listen) is { } address && !IPAddress.TryParse(address, out _)) r.AddError("--listen needs an IP address such as 127.0.0.1 or ::1.");
    if (r.GetValue(maxBody) < 0) r.AddError("--max-body cannot be negative.");
});

command.SetAction(async (parse, cancel) =>
{
    // System.CommandLine turns Ctrl+C into `cancel`; SIGTERM (docker stop, systemd, kill) would
    // end the process on the spot, so it takes the same way out.
    using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
    using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
    {
        signal.Cancel = true;
        stop.Cancel();
    });
    return await KvCommand.RunAsync(new KvCommandRequest(
        parse.GetValue(http),
        IPAddress.Parse(parse.GetValue(listen) ?? "127.0.0.1"),
        parse.GetValue(maxBody)), Console.Out, Console.Error, stop.Token);
});

var result = command.Parse(args);
if (result.Errors.Count > 0)
{
    foreach (var e in result.Errors) Console.Error.WriteLine($"kv: {e.Message}");
    Console.Error.WriteLine("usage: dotnet run --project src/Otp.KvStore -- --http PORT [--listen ADDRESS] [--max-body BYTES]");
    return KvCommand.BadUsage;
}
return await result.InvokeAsync();
