namespace Lab03.LinksAndMonitors.Tests;

public class LockServerTests
{
    /// <summary>A client that takes the lock, reports it, then does what it is told.</summary>
    private static Pid Client(Process self, Pid server, string name, List<string> log) => self.Spawn(async me =>
    {
        me.Node.Trace!.Label(me.Self, name);
        await LockServer.AcquireAsync(me, server);
        log.Add($"{name} has the lock");
        while (true)
        {
            switch (await me.Receive())
            {
                case "release": LockServer.Release(me, server); log.Add($"{name} released it"); break;
                case "crash": me.Exit(ExitReason.Of("crashed")); break;
                case "quit": return;
            }
        }
    });

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task3_FirstComeFirstServed()
    {
        var log = new List<string>();
        var run = await Lab.RunAsync(async self =>
        {
            self.Node.Trace!.Label(self.Self, "test");
            var server = LockServer.Start(self);
            self.Node.Trace.Label(server, "lock");
            var a = Client(self, server, "a", log);
            await self.Sleep(TimeSpan.FromSeconds(1));
            var b = Client(self, server, "b", log);
            await self.Sleep(TimeSpan.FromSeconds(1));
            var c = Client(self, server, "c", log);
            await self.Sleep(TimeSpan.FromSeconds(1));
            self.Send(a, "release");
            await self.Sleep(TimeSpan.FromSeconds(1));
            self.Send(b, "release");
            await self.Sleep(TimeSpan.FromSeconds(1));
            return await LockServer.HolderAsync(self, server) == c;
        });
        Assert.Equal(["a has the lock", "a released it", "b has the lock", "b released it", "c has the lock"], log);
        Assert.True(run.Result);
        await Verify(TraceText.Protocol(run.Trace));
    }

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task3_ADeadHolderLosesTheLock()
    {
        var log = new List<string>();
        var run = await Lab.RunAsync(async self =>
        {
            var server = LockServer.Start(self);
            var a = Client(self, server, "a", log);
            await self.Sleep(TimeSpan.FromSeconds(1));
            var b = Client(self, server, "b", log);
            await self.Sleep(TimeSpan.FromSeconds(1));
            self.Send(a, "crash");
            await self.Sleep(TimeSpan.FromSeconds(1));
            return (holder: await LockServer.HolderAsync(self, server), b, serverAlive: self.Node.IsAlive(server));
        });
        Assert.Equal(["a has the lock", "b has the lock"], log);
        Assert.Equal(run.Result.b, run.Result.holder);
        Assert.True(run.Result.serverAlive, "the lock server died with its client: monitor clients, do not link to them");
    }

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task3_AHolderThatEndsNormallyAlsoLosesIt()
    {
        var log = new List<string>();
        var run = await Lab.RunAsync(async self =>
        {
            var server = LockServer.Start(self);
            var a = Client(self, server, "a", log);
            await self.Sleep(TimeSpan.FromSeconds(1));
            self.Send(a, "quit");
            await self.Sleep(TimeSpan.FromSeconds(1));
            return await LockServer.HolderAsync(self, server);
        });
        Assert.Null(run.Result);
    }

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task3_ADeadWaiterIsSkipped()
    {
        var log = new List<string>();
        var run = await Lab.RunAsync(async self =>
        {
            var server = LockServer.Start(self);
            var a = Client(self, server, "a", log);
            await self.Sleep(TimeSpan.FromSeconds(1));
            var b = Client(self, server, "b", log);
            await self.Sleep(TimeSpan.FromSeconds(1));
            var c = Client(self, server, "c", log);
            await self.Sleep(TimeSpan.FromSeconds(1));
            self.Exit(b, ExitReason.Kill);
            await self.Sleep(TimeSpan.FromSeconds(1));
            self.Send(a, "release");
            await self.Sleep(TimeSpan.FromSeconds(1));
            return (holder: await LockServer.HolderAsync(self, server), c);
        });
        Assert.Equal(["a has the lock", "a released it", "c has the lock"], log);
        Assert.Equal(run.Result.c, run.Result.holder);
    }

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task3_AFormerHolderDyingLaterChangesNothing()
    {
        var log = new List<string>();
        var run = await Lab.RunAsync(async self =>
        {
            var server = LockServer.Start(self);
            var a = Client(self, server, "a", log);
            await self.Sleep(TimeSpan.FromSeconds(1));
            var b = Client(self, server, "b", log);
            await self.Sleep(TimeSpan.FromSeconds(1));
            self.Send(a, "release");
            await self.Sleep(TimeSpan.FromSeconds(1));
            self.Send(a, "crash");
            await self.Sleep(TimeSpan.FromSeconds(1));
            var c = Client(self, server, "c", log);
            await self.Sleep(TimeSpan.FromSeconds(1));
            return (holder: await LockServer.HolderAsync(self, server), b);
        });
        Assert.Equal(["a has the lock", "a released it", "b has the lock"], log);
        Assert.Equal(run.Result.b, run.Result.holder);
    }
}
