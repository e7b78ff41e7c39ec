using Otp.Tables;

namespace Lab09.Tables.Tests;

public class CacheTests
{
    private static int MessagesTo(string trace, string label) =>
        trace.Split('\n').Count(l => l.Contains($" ! {label} ", StringComparison.Ordinal));

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task1_ReadersGoStraightToTheTable()
    {
        var run = await Lab.RunAsync(async self =>
        {
            var server = await Cache.StartAsync(self);
            self.Node.Trace!.Label(server, "cache");
            await Cache.PutAsync(self, "a", "1");
            await Cache.PutAsync(self, "b", "2");
            var me = self.Self;
            self.Spawn(async reader => reader.Send(me, new[] { Cache.Get(reader, "a"), Cache.Get(reader, "b"), Cache.Get(reader, "zz") }));
            var read = await self.Receive<string?[]>();
            var info = Ets.Info(self, Cache.TableName);
            string? direct = null;
            try { Ets.Insert(self, Cache.TableName, ("x", "y")); }
            catch (BadArgException e) { direct = e.Reason.Name; }
            return (read, info, server, direct);
        });
        var (read, info, server, direct) = run.Result;
        Assert.Equal(new string?[] { "1", "2", null }, read);
        Assert.NotNull(info);
        Assert.Equal((server, TableAccess.Protected, true, TableType.Set), (info.Owner, info.Protection, info.NamedTable, info.Type));
        Assert.True(direct == "badarg", "a process that is not the owner wrote to the cache table: make it protected");
        // Two puts, and not one message more: reads do not go through the server.
        Assert.Equal(2, MessagesTo(run.Trace, "cache"));
    }

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task1_TheTableGoesWithItsServer()
    {
        var run = await Lab.RunAsync(async self =>
        {
            var server = await Cache.StartAsync(self);
            await Cache.PutAsync(self, "a", "1");
            var r = self.Monitor(server);
            self.Send(Cache.ServerName, Crash.Instance);
            await self.Receive<Down>(d => d.Ref.Equals(r));
            return (Ets.Info(self, Cache.TableName), self.Node.WhereIs(Cache.ServerName));
        });
        Assert.Equal((null, null), run.Result);
    }

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task2_NothingStoredIsLostWhenTheServerCrashes()
    {
        var run = await Lab.RunAsync(async self =>
        {
            self.Node.Trace!.Label(self.Self, "test");
            var keeper = await Cache.StartWithHeirAsync(self);
            self.Node.Trace.Label(keeper, "keeper");
            var servers = new List<Pid>();
            var seen = new List<string?>();
            for (var round = 1; round <= 3; round++)
            {
                var server = self.Node.WhereIs(Cache.ServerName) ?? throw new InvalidOperationException($"round {round}: no process is registered as {Cache.ServerName}");
                servers.Add(server);
                self.Node.Trace.Label(server, $"server{round}");
                await Cache.PutAsync(self, $"k{round}", $"v{round}");
                self.Send(server, Crash.Instance);
                await self.Sleep(TimeSpan.FromSeconds(1));
                seen.Add(string.Join(",", Enumerable.Range(1, round).Select(i => Cache.Get(self, $"k{i}"))));
            }
            var last = self.Node.WhereIs(Cache.ServerName);
            if (last is not null) self.Node.Trace.Label(last, "server4");
            var info = Ets.Info(self, Cache.TableName);
            return (seen, servers.Distinct().Count(), keeperAlive: self.Node.IsAlive(keeper), ownedByNew: info?.Owner == last && last is not null, heir: info?.Heir == keeper);
        });
        Assert.Equal(["v1", "v1,v2", "v1,v2,v3"], run.Result.seen);
        Assert.Equal(3, run.Result.Item2);
        Assert.True(run.Result.keeperAlive, "the keeper died: it must outlive every crash of the server");
        Assert.True(run.Result.ownedByNew, "after a crash the table must belong to the new server (Ets.GiveAway)");
        Assert.True(run.Result.heir, "the keeper must stay the table's heir");
        // Only what the task prescribes: the servers, the puts, the crashes and the table's travels
        // (how a server says it is ready is up to you).
        await Verify(TraceText.Keep(TraceText.Protocol(run.Trace), l => l.Contains("spawns server") || l.Contains("ETS-TRANSFER")
            || l.Contains("{put") || l.Contains("{stored") || l.EndsWith(" crash", StringComparison.Ordinal)));
    }
}
