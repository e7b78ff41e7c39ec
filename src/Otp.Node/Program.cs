using System.CommandLine;
using Otp.NodeCommand;

// The command-line node. Exit codes: 0 after Ctrl+C (or SIGTERM), 1 when the node cannot start
// (the name is taken, EPMD refuses), 2 for bad options.
var sname = new Option<string?>("--sname") { Description = "Start with a short name, as erl -sname: NAME or NAME@HOST (host without dots)." };
var name = new Option<string?>("--name") { Description = "Start with a long name, as erl -name: NAME@HOST.FULLY.QUALIFIED or NAME@IP." };
var cookie = new Option<string?>("--cookie") { Description = "The cluster's shared secret, as erl -setcookie (default: ~/.erlang.cookie, created if missing)." };
var ping = new Option<string[]>("--ping") { Description = "Ping this node once started and print pong or pang (repeatable), as net_adm:ping/1.", AllowMultipleArgumentsPerToken = true };
var visible = new Option<bool>("--visible") { Description = "Join as a visible node (default hidden: see docs/distribution.md)." };

var command = new RootCommand("A C# node of the Otp workbook runtime, for terminals beside erl and iex. Prints `node NAME@HOST is up`, then each nodeup and nodedown, until Ctrl+C.")
{
    sname, name, cookie, ping, visible,
};
command.Validators.Add(r =>
{
    var hasShort = r.GetValue(sname) is not null;
    var hasLong = r.GetValue(name) is not null;
    if (hasShort == hasLong) r.AddError("give exactly one of --sname NAME or --name NAME@HOST.");
});

command.SetAction((parse, cancel) => NodeCommand.RunAsync(new NodeRequest(
    parse.GetValue(sname) ?? parse.GetValue(name)!,
    LongName: parse.GetValue(name) is not null,
    parse.GetValue(cookie),
    parse.GetValue(ping) ?? [],
    parse.GetValue(visible)), Console.Out, Console.Error, cancel));

var result = command.Parse(args);
if (result.Errors.Count > 0)
{
    foreach (var e in result.Errors) Console.Error.WriteLine($"otp-node: {e.Message}");
    Console.Error.WriteLine("usage: dotnet run --project src/Otp.Node -- (--sname NAME | --name NAME@HOST) [--cookie COOKIE] [--ping NODE]... [--visible]");
    return NodeCommand.BadUsage;
}
return await result.InvokeAsync();
