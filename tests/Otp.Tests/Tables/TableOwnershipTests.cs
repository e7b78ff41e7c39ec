using Otp.Tables;

namespace Otp.Tests.Tables;

/// <summary>Owners, heirs, access rights and names.</summary>
public class TableOwnershipTests
{
    private sealed record TableIs(TableId Table);

    [Theory]
    [InlineData(TableAccess.Public, "true", "true", "true")]
    [InlineData(TableAccess.Protected, "true", "badarg", "badarg")]
    [InlineData(TableAccess.Private, "badarg", "badarg", "badarg")]
    public async Task Access_rights_decide_what_another_process_may_do(TableAccess access, string read, string write, string deleteTable)
    {
        using var node = Node.StartDeterministic(trace: false);
        var seen = await node.RunAsync(async self =>
        {
            var t = Ets.New(self, "t", new TableOptions { Access = access });
            Ets.Insert(self, t, ("k", 1));
            var (other, r) = self.SpawnMonitor(async me =>
            {
                string Try(Action a)
                {
                    try { a(); return "true"; }
                    catch (BadArgException e) { return e.Reason.Name; }
                }
                me.Send(self.Self, (Try(() => Ets.Lookup(me, t, "k")), Try(() => Ets.Insert(me, t, ("k", 2))), Try(() => Ets.Delete(me, t))));
            });
            return await self.Receive<(string, string, string)>();
        });
        // Deleting the table is a write: any process may delete a public table (as on the BEAM).
        Assert.Equal((read, write, deleteTable), seen);
    }

    [Fact]
    public async Task The_table_goes_with_its_owner()
    {
        using var node = Node.StartDeterministic(trace: false);
        var (infoAfter, lookupError) = await node.RunAsync(async self =>
        {
            var (owner, r) = self.SpawnMonitor(async me =>
            {
                var t = Ets.New(me, "cache", new TableOptions { Named = true, Access = TableAccess.Public });
                me.Send(self.Self, new TableIs(t));
                await me.Receive(m => m is "stop");
            });
            var t = (await self.Receive<TableIs>()).Table;
            Ets.Insert(self, t, ("k", 1));
            self.Send(owner, "stop");
            await self.Receive<Down>(d => d.Ref.Equals(r));
            return (Ets.Info(self, t), Assert.Throws<BadArgException>(() => Ets.Lookup(self, t, "k")).Reason.Name);
        });
        Assert.Null(infoAfter);
        Assert.Equal("badarg", lookupError);
    }

    [Fact]
    public async Task The_heir_takes_the_table_and_hears_of_it_before_the_down()
    {
        using var node = Node.StartDeterministic(trace: false);
        var seen = await node.RunAsync(async self =>
        {
            var (owner, r) = self.SpawnMonitor(async me =>
            {
                var t = Ets.New(me, "cache", new TableOptions { Heir = self.Self, HeirData = "inherited" });
                Ets.Insert(me, t, ("k", 1));
                me.Send(self.Self, new TableIs(t));
                await me.Receive(m => m is "stop");
            });
            var t = (await self.Receive<TableIs>()).Table;
            self.Send(owner, "stop");
            var first = await self.Receive();
            var second = await self.Receive();
            Ets.Insert(self, t, ("k", 2));
            var info = Ets.Info(self, t)!;
            return (first, second is Down, info.Owner == self.Self, Ets.Lookup(self, t, "k")[0][1]);
        });
        var transfer = Assert.IsType<EtsTransfer>(seen.first);
        Assert.Equal("inherited", transfer.Data);
        Assert.True(seen.Item2);
        Assert.True(seen.Item3);
        Assert.Equal(2, seen.Item4);
    }

    [Fact]
    public async Task A_dead_heir_inherits_nothing()
    {
        using var node = Node.StartDeterministic(trace: false);
        var info = await node.RunAsync(async self =>
        {
            var (heir, hr) = self.SpawnMonitor(async _ => { });
            await self.Receive<Down>(d => d.Ref.Equals(hr));
            var (owner, r) = self.SpawnMonitor(async me =>
            {
                me.Send(self.Self, new TableIs(Ets.New(me, "t", new TableOptions { Heir = heir })));
            });
            var t = (await self.Receive<TableIs>()).Table;
            await self.Receive<Down>(d => d.Ref.Equals(r));
            return Ets.Info(self, t);
        });
        Assert.Null(info);
    }

    [Fact]
    public async Task Give_away_moves_ownership_and_tells_the_new_owner()
    {
        using var node = Node.StartDeterministic(trace: false);
        var seen = await node.RunAsync(async self =>
        {
            var t = Ets.New(self, "t");
            var taker = self.Spawn(async me =>
            {
                var gift = await me.Receive<EtsTransfer>();
                Ets.Insert(me, gift.Table, ("from_taker", 1));
                me.Send(self.Self, gift.Data!);
            });
            Ets.GiveAway(self, t, taker, "present");
            var data = await self.Receive(m => m is "present");
            var notMine = Assert.Throws<BadArgException>(() => Ets.Insert(self, t, ("k", 1)));
            return (data, notMine.Reason.Name);
        });
        // The taker ended after replying, so its table is gone by now; the write failed for the right reason.
        Assert.Equal(("present", "badarg"), seen);
    }

    [Fact]
    public async Task Names_are_unique_and_freed_with_the_table()
    {
        using var node = Node.StartDeterministic(trace: false);
        var seen = await node.RunAsync(async self =>
        {
            var t = Ets.New(self, "config", new TableOptions { Named = true });
            var clash = Assert.Throws<BadArgException>(() => Ets.New(self, "config", new TableOptions { Named = true }));
            var unnamedTwice = Ets.New(self, "config");
            var id = Ets.WhereIs(self, "config");
            Ets.Delete(self, t);
            var again = Ets.New(self, "config", new TableOptions { Named = true });
            return (t.ToString(), clash.Reason.Name, id is not null, unnamedTwice.Name, again.ToString());
        });
        Assert.Equal(("config", "badarg", true, (Atom?)null, "config"), seen);
    }
}
