using System.CommandLine;
using Otp.NodeCommand;

// The command-line node. Exit codes: 0 after Ctrl+C (or SIGTERM), the status given to init:stop/1
// or erlang:halt/1 when another node stops it, 1 when the node cannot start (the name is taken,
// EPMD refuses) or its --run function fails, 2 for bad options.
var sname = new Option<string?>("--sname") { Description = "Start with a short name, as erl -sname: NAME or NAME@HOST (host without dots)." };
var name = new Option<string?>("--name") { Description = "Start with a long name, as erl -name: NAME@HOST.FULLY.QUALIFIED or NAME@IP." };
var cookie = new Option<string?>("--cookie") { Description = "The cluster's shared secret, as erl -setcookie (default: ~/.erlang.cookie, created if missing)." };
var ping = new Option<string[]>("--ping") { Description = "Ping this node once started and print pong or pang (repeatable), as net_adm:ping/1.", AllowMultipleArgumentsPerToken = true };
var visible = new Option<bool>("--visible") { Description = "Join as a visible node (default hidden: see docs/distribution.md)." };
var run = new Option<string[]>("--run")
{
    Description = "Call MODULE:FUNCTION once started, as erl -run: with no ARG as FUNCTION(), otherwise as FUNCTION([\"ARG\", ...]) (a list of strings).",
    AllowMultipleArgumentsPerToken = true,
    Arity = ArgumentArity.OneOrMore,
};

var command = new RootCommand("A C# node of the Otp workbook runtime, for terminals beside erl and iex. Prints `node NAME@HOST is up`, then each nodeup and nodedown, until Ctrl+C or init:stop() from another node. Hosts the workbook's C# modules (tut17).")
{
    sname, name, cookie, ping, visible, run,
};
command.Validators.Add(r =>
{
    var hasShort = r.GetValue(sname) is not null;
    var hasLong = r.GetValue(name) is not null;
    if (hasShort == hasLong) r.AddError("give exactly one of --sname NAME or --name NAME@HOST.");
    if (r.GetValue(run) is { Length: 1 }) r.AddError("--run needs a MODULE and a FUNCTION (then any ARGs).");
});

command.SetAction((parse, cancel) => NodeCommand.RunAsync(new NodeRequest(
    parse.GetValue(sname) ?? parse.GetValue(name)!,
    LongName: parse.GetValue(name) is not null,
    parse.GetValue(cookie),
    parse.GetValue(ping) ?? [],
    parse.GetValue(visible),
    parse.GetValue(run) ?? []), Console.Out, Console.Error, cancel));

var result = command.Parse(args);
if (result.Errors.Count > 0)
{
    foreach (var e in result.Errors) Console.Error.WriteLine($"otp-node: {e.Message}");
    Console.Error.WriteLine("usage: dotnet run --project src/Otp.Node -- (--sname NAME | --name NAME@HOST) [--cookie COOKIE] [--ping NODE]... [--visible] [--run MODULE FUNCTION [ARG...]]");
    return NodeCommand.BadUsage;
}
return await result.InvokeAsync();
