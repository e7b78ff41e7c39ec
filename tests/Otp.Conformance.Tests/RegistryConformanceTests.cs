using Otp.Conformance.Tests.Harness;

namespace Otp.Conformance.Tests;

/// <summary>register, unregister, whereis, registered, and sending to names.</summary>
public class RegistryConformanceTests
{
    private sealed record Hi(Pid From, Atom Text);
    private sealed record Echoed(Atom Text);

    [Fact]
    public Task register_whereis() => Scenario.CheckAsync("registry/register_whereis", Runs.AnyInterleaving, (node, obs) =>
        node.RunAsync(async self =>
        {
            var echo = self.Spawn(async me =>
            {
                while (true)
                {
                    var hi = await me.Receive<Hi>();
                    me.Send(hi.From, new Echoed(hi.Text));
                }
            });
            obs.Add($"register: {Show.Outcome(() => node.Register("echo", echo))}");
            obs.Add($"whereis finds it: {Show.Term(node.WhereIs("echo") == echo)}");
            obs.Add($"in registered(): {Show.Term(node.Registered().Contains("echo"))}");
            self.Send("echo", new Hi(self.Self, "hi"));
            obs.Add($"reply through the name: {(await self.Receive<Echoed>()).Text}");
            obs.Add($"unregister: {Show.Outcome(() => node.Unregister("echo"))}");
            obs.Add($"whereis after unregister: {Show.Term(node.WhereIs("echo"))}");
            obs.Add($"still alive: {Show.Term(node.IsAlive(echo))}");
        }));

    [Fact]
    public Task send_to_unregistered() => Scenario.CheckAsync("registry/send_to_unregistered", Runs.AnyInterleaving, (node, obs) =>
        node.RunAsync(async self =>
        {
            obs.Add($"send to a free name: {Show.Outcome(() => self.Send("nobody", "hello"))}");
            var p = self.Spawn(async _ => { });
            node.Register("short_lived", self.Spawn(async me => await me.Receive(m => m is "stop")));
            var r = self.Monitor("short_lived");
            self.Send("short_lived", "stop");
            await self.Receive<Down>(d => d.Ref.Equals(r));
            obs.Add($"send to the name of a dead process: {Show.Outcome(() => self.Send("short_lived", "hello"))}");
            while (node.IsAlive(p)) await self.Sleep(TimeSpan.FromMilliseconds(1));
            obs.Add($"send to a dead pid: {Show.Outcome(() => self.Send(p, "hello"))}");
        }));

    [Fact]
    public Task register_badarg() => Scenario.CheckAsync("registry/register_badarg", Runs.AnyInterleaving, (node, obs) =>
        node.RunAsync(async self =>
        {
            var a = self.Spawn(async me => await me.Receive(m => m is "stop"));
            var b = self.Spawn(async me => await me.Receive(m => m is "stop"));
            node.Register("first", a);
            obs.Add($"name taken: {Show.Outcome(() => node.Register("first", b))}");
            obs.Add($"process already named: {Show.Outcome(() => node.Register("second", a))}");
            var (dead, r) = self.SpawnMonitor(async _ => { });
            await self.Receive<Down>(d => d.Ref.Equals(r));
            obs.Add($"dead process: {Show.Outcome(() => node.Register("ghost", dead))}");
            obs.Add($"name undefined: {Show.Outcome(() => node.Register("undefined", b))}");
            obs.Add($"unregister a free name: {Show.Outcome(() => node.Unregister("nobody"))}");
            obs.Add($"the name still belongs to the first: {Show.Term(node.WhereIs("first") == a)}");
            obs.Add($"the second can take another name: {Show.Outcome(() => node.Register("second", b))}");
        }));

    [Fact]
    public Task name_freed_on_exit() => Scenario.CheckAsync("registry/name_freed_on_exit", Runs.AnyInterleaving, (node, obs) =>
        node.RunAsync(async self =>
        {
            var a = self.Spawn(async me => await me.Receive(m => m is "stop"));
            node.Register("service", a);
            var ra = self.Monitor(a);
            self.Send(a, "stop");
            obs.Add($"first ended: {(await self.Receive<Down>(d => d.Ref.Equals(ra))).Reason}");
            obs.Add($"whereis: {Show.Term(node.WhereIs("service"))}");
            obs.Add($"registered: {Show.Term(node.Registered().Contains("service"))}");
            var b = self.Spawn(async me => await me.Receive(m => m is "never"));
            obs.Add($"name taken again: {Show.Outcome(() => node.Register("service", b))}");
            var rb = self.Monitor(b);
            self.Exit(b, ExitReason.Kill);
            obs.Add($"second ended: {(await self.Receive<Down>(d => d.Ref.Equals(rb))).Reason}");
            obs.Add($"whereis: {Show.Term(node.WhereIs("service"))}");
            var (_, rc) = self.SpawnMonitor(async me =>
            {
                me.Register("service");
                throw new ErlangErrorException("crash");
            });
            obs.Add($"third ended: {(await self.Receive<Down>(d => d.Ref.Equals(rc))).Reason.Head}");
            obs.Add($"whereis: {Show.Term(node.WhereIs("service"))}");
        }));
}
