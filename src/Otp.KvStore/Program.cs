using System.CommandLine;
using System.Net;
using System.Runtime.InteropServices;
using Otp.Crdts.Replication;
using Otp.KvStore.Cli;
using Otp.KvStore.Http;

// The key-value store from the command line: `dotnet run --project src/Otp.KvStore -- --http 8080`,
// or one node of a cluster: `... --sname node0 --cookie bookclub --http 8080 --hosts node0@HOST,node1@HOST,node2@HOST`.
// Exit codes: 0 after Ctrl+C (or SIGTERM), 1 when it cannot start (port taken), 2 for bad options.
var defaults = new KvHttpOptions();
var http = new Option<int>("--http") { Description = "Serve the HTTP API on this port (0: any free port).", Required = true };
var listen = new Option<string>("--listen") { Description = "The address to listen on (default 127.0.0.1; 0.0.0.0 for every interface).", DefaultValueFactory = _ => "127.0.0.1" };
var maxBody = new Option<long>("--max-body") { Description = $"The largest body accepted, in bytes (default {defaults.MaxBodyBytes}); larger gets 413.", DefaultValueFactory = _ => defaults.MaxBodyBytes };
var sname = new Option<string?>("--sname") { Description = "Join a cluster as this node, as erl -sname: NAME or NAME@HOST." };
var cookie = new Option<string?>("--cookie") { Description = "The cluster's shared secret, as erl -setcookie (default: ~/.erlang.cookie)." };
var hosts = new Option<string?>("--hosts") { Description = "Every node of the cluster, this one included: node0@HOST,node1@HOST,node2@HOST." };
var w = new Option<int>("--w") { Description = "Acknowledge a write once it is stored on this many replicas (default 2).", DefaultValueFactory = _ => 2 };
var syncMs = new Option<int>("--sync-ms") { Description = "Anti-entropy and reconnect interval in milliseconds (default 1000).", DefaultValueFactory = _ => 1000 };
var sync = new Option<string>("--sync") { Description = "What anti-entropy sends: full (the whole state, the default) or delta (only the writes a node has not acknowledged).", DefaultValueFactory = _ => "full" };
sync.AcceptOnlyFromAmong("full", "delta");

var command = new RootCommand("Chapter 7's key-value store: one store per namespace on a C# node, behind an HTTP API (docs/kvstore.md).")
{
    http, listen, maxBody, sname, cookie, hosts, w, syncMs, sync,
};
command.Validators.Add(r =>
{
    if (r.GetValue(http) is < 0 or > 65535) r.AddError("--http needs a port from 0 to 65535.");
    if (r.GetValue(listen) is { } address && !IPAddress.TryParse(address, out _)) r.AddError("--listen needs an IP address such as 127.0.0.1 or ::1.");
    if (r.GetValue(maxBody) < 0) r.AddError("--max-body cannot be negative.");
    if (r.GetValue(sname) is null && (r.GetValue(hosts) is not null || r.GetValue(cookie) is not null)) r.AddError("--hosts and --cookie need --sname.");
    if (r.GetResult(w) is { Implicit: false } && r.GetValue(w) < 1) r.AddError("--w needs at least 1.");
    if (r.GetResult(syncMs) is { Implicit: false } && r.GetValue(syncMs) < 10) r.AddError("--sync-ms needs at least 10.");
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
        parse.GetValue(maxBody))
    {
        ShortName = parse.GetValue(sname),
        Cookie = parse.GetValue(cookie),
        Hosts = (parse.GetValue(hosts) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        WriteQuorum = parse.GetValue(w),
        SyncInterval = TimeSpan.FromMilliseconds(parse.GetValue(syncMs)),
        Sync = parse.GetValue(sync) == "delta" ? SyncMode.DeltaInterval : SyncMode.FullState,
    }, Console.Out, Console.Error, stop.Token);
});

var result = command.Parse(args);
if (result.Errors.Count > 0)
{
    foreach (var e in result.Errors) Console.Error.WriteLine($"kv: {e.Message}");
    Console.Error.WriteLine("usage: dotnet run --project src/Otp.KvStore -- --http PORT [--listen ADDRESS] [--max-body BYTES] [--sname NAME [--cookie C] [--hosts N1@H,N2@H,...] [--w W] [--sync-ms MS] [--sync full|delta]]");
    return KvCommand.BadUsage;
}
return await result.InvokeAsync();
