using System.Runtime.CompilerServices;
using Otp.Conformance.Tests.Harness;
using Otp.Tables;

namespace Otp.Conformance.Tests;

/// <summary>Erlang's ETS tables (src/Otp/Tables) against the real <c>ets</c>, scenario by scenario.</summary>
public class TablesConformanceTests
{
    private static readonly Atom A = new("a"), B = new("b"), C = new("c"), D = new("d"), E = new("e"), J = new("j"), K = new("k"),
        V = new("v"), X = new("x"), Y = new("y"), Z = new("z"), Int = new("int"), Float = new("float");

    private sealed record Tables(TableId Named, TableId Plain);
    private sealed record TableIs(TableId Table);
    private sealed record Lines(List<string> All);
    private sealed record Taken(bool FromMe, object? Gift);

    private static readonly TableType[] Kinds = [TableType.Set, TableType.OrderedSet, TableType.Bag, TableType.DuplicateBag];

    private static string TypeName(TableType type) => type switch
    {
        TableType.Set => "set",
        TableType.OrderedSet => "ordered_set",
        TableType.Bag => "bag",
        _ => "duplicate_bag",
    };

    /// <summary>Erlang's <c>outcome/1</c> for calls that return a value: the value, or {error,Reason}.</summary>
    private static string Outcome(Func<object?> call)
    {
        try { return Show.Term(call()); }
        catch (ErlangErrorException e) { return $"{{error,{e.Reason}}}"; }
    }

    private static List<T> Sorted<T>(IEnumerable<T> terms) => [.. terms.Order(Comparer<T>.Create((a, b) => TermOrder.Compare(a, b)))];

    /// <summary>An Erlang binary as <c>~w</c> prints it; this runtime's binaries are strings.</summary>
    private sealed record Binary(string Text)
    {
        public override string ToString() => $"<<{string.Join(',', System.Text.Encoding.UTF8.GetBytes(Text))}>>";
    }

    private static object? AsErlang(object? key) => key is string s ? new Binary(s) : key;

    private static List<object> Walk(Process self, TableId t, object first, Func<object, object> step)
    {
        var keys = new List<object>();
        for (var k = first; !k.Equals(Ets.EndOfTable); k = step(k)) keys.Add(k);
        return keys;
    }

    [Fact]
    public Task types() => Scenario.CheckAsync("tables/types", Runs.AnyInterleaving, (node, obs) =>
        node.RunAsync(async self =>
        {
            foreach (var type in Kinds)
            {
                var n = TypeName(type);
                var t = Ets.New(self, "t", new TableOptions { Type = type });
                Ets.Insert(self, t, (B, 1));
                Ets.Insert(self, t, (A, 2));
                Ets.Insert(self, t, (B, 3));
                Ets.Insert(self, t, (B, 1));
                Ets.Insert(self, t, (1, Int));
                Ets.Insert(self, t, (1.0, Float));
                obs.Add($"{n}: lookup b {Show.Term(Ets.Lookup(self, t, B))}");
                obs.Add($"{n}: lookup 1 {Show.Term(Ets.Lookup(self, t, 1))}, lookup 1.0 {Show.Term(Ets.Lookup(self, t, 1.0))}");
                obs.Add($"{n}: size {Ets.Info(self, t)!.Size}");
                var all = Ets.ToList(self, t);
                obs.Add($"{n}: all {Show.Term(type == TableType.OrderedSet ? all : Sorted(all))}");
                obs.Add($"{n}: insert_new {{a,9}} {Show.Term(Ets.InsertNew(self, t, (A, 9)))}, {{c,9}} {Show.Term(Ets.InsertNew(self, t, (C, 9)))}");
                obs.Add($"{n}: member a {Show.Term(Ets.Member(self, t, A))}, z {Show.Term(Ets.Member(self, t, Z))}");
                Ets.DeleteObject(self, t, (B, 1));
                obs.Add($"{n}: after delete_object {{b,1}} {Show.Term(Ets.Lookup(self, t, B))}");
                Ets.Delete(self, t, B);
                obs.Add($"{n}: after delete b {Show.Term(Ets.Lookup(self, t, B))}, size {Ets.Info(self, t)!.Size}");
                var info = Ets.Info(self, t)!;
                obs.Add($"{n}: info type {TypeName(info.Type)}, protection {info.Protection.ToString().ToLowerInvariant()}, keypos {info.KeyPos}, named {Show.Term(info.NamedTable)}");
            }
        }));

    [Fact]
    public Task bag_order() => Scenario.CheckAsync("tables/bag_order", Runs.AnyInterleaving, (node, obs) =>
        node.RunAsync(async self =>
        {
            var b = Ets.New(self, "b", new TableOptions { Type = TableType.Bag });
            Ets.Insert(self, b, (K, 1));
            Ets.Insert(self, b, (K, 2));
            obs.Add($"bag, one by one: {Show.Term(Ets.Lookup(self, b, K))}");
            Ets.Insert(self, b, [(K, 5), (K, 6), (K, 1), (J, 1), (K, 7), (K, 6)]);
            obs.Add($"bag, then a list: {Show.Term(Ets.Lookup(self, b, K))}");
            var d = Ets.New(self, "d", new TableOptions { Type = TableType.DuplicateBag });
            Ets.Insert(self, d, (K, 1));
            Ets.Insert(self, d, (K, 2));
            Ets.Insert(self, d, [(K, 5), (K, 6), (K, 1)]);
            obs.Add($"duplicate bag: {Show.Term(Ets.Lookup(self, d, K))}");
            Ets.DeleteObject(self, d, (K, 1));
            obs.Add($"duplicate bag without {{k,1}}: {Show.Term(Ets.Lookup(self, d, K))}");
            Ets.Insert(self, d, (K, 1));
            obs.Add($"{{k,1}} again goes last: {Show.Term(Ets.Lookup(self, d, K))}");
        }));

    [Fact]
    public Task access_rights() => Scenario.CheckAsync("tables/access_rights", Runs.AnyInterleaving, (node, obs) =>
        node.RunAsync(async self =>
        {
            foreach (var access in new[] { TableAccess.Public, TableAccess.Protected, TableAccess.Private })
            {
                var n = access.ToString().ToLowerInvariant();
                var t = Ets.New(self, "t", new TableOptions { Access = access });
                Ets.Insert(self, t, (K, 1));
                self.Spawn(async me =>
                {
                    List<string> lines =
                    [
                        $"lookup: {Outcome(() => Ets.Lookup(me, t, K))}",
                        $"member: {Outcome(() => Ets.Member(me, t, K))}",
                        $"insert: {Outcome(() => Ets.Insert(me, t, (K, 2)))}",
                        $"delete_key: {Outcome(() => Ets.Delete(me, t, Z))}",
                        $"update_counter: {Outcome(() => Ets.UpdateCounter(me, t, K, 1))}",
                        $"info_size: {Show.Term(Ets.Info(me, t)?.Size)}",
                        $"delete_table: {Outcome(() => Ets.Delete(me, t))}",
                    ];
                    me.Send(self.Self, new Lines(lines));
                });
                foreach (var line in (await self.Receive<Lines>()).All) obs.Add($"{n}, other process, {line}");
                obs.Add($"{n}, owner sees {Outcome(() => Ets.Lookup(self, t, K))}");
                obs.Add($"{n}, owner deletes: {Outcome(() => Ets.Delete(self, t))}");
                obs.Add($"{n}, after delete: info {Show.Term(Ets.Info(self, t))}, lookup {Outcome(() => Ets.Lookup(self, t, K))}");
            }
        }));

    [Fact]
    public Task owner_exit() => Scenario.CheckAsync("tables/owner_exit", Runs.AnyInterleaving, (node, obs) =>
        node.RunAsync(async self =>
        {
            foreach (var how in new[] { "normal", "crash" })
            {
                var (owner, r) = self.SpawnMonitor(async me =>
                {
                    var named = Ets.New(me, "cache", new TableOptions { Named = true, Access = TableAccess.Public });
                    var plain = Ets.New(me, "plain", new TableOptions { Access = TableAccess.Public });
                    me.Send(self.Self, new Tables(named, plain));
                    if (await me.Receive(m => m is "stop" or "crash") is "crash") throw new ErlangErrorException("boom");
                });
                var (cache, plainT) = await self.Receive<Tables>();
                obs.Add($"{how}: named returns its name: {cache}");
                Ets.Insert(self, "cache", (K, 1));
                Ets.Insert(self, plainT, (K, 1));
                obs.Add($"{how}: while the owner lives: {Show.Term(Ets.Lookup(self, "cache", K))} {Show.Term(Ets.Lookup(self, plainT, K))}");
                self.Send(owner, how == "normal" ? "stop" : "crash");
                var down = await self.Receive<Down>(d => d.Ref.Equals(r));
                obs.Add($"{how}: owner ended: {down.Reason.Head}");
                obs.Add($"{how}: info {Show.Term(Ets.Info(self, "cache"))} {Show.Term(Ets.Info(self, plainT))}, whereis {Show.Term(Ets.WhereIs(self, "cache"))}");
                obs.Add($"{how}: lookup {Outcome(() => Ets.Lookup(self, "cache", K))} {Outcome(() => Ets.Lookup(self, plainT, K))}");
                var again = Ets.New(self, "cache", new TableOptions { Named = true });
                obs.Add($"{how}: the name is free again: {again}, empty: {Ets.Info(self, "cache")!.Size}");
                Ets.Delete(self, "cache");
            }
        }));

    [Fact]
    public Task heir_transfer() => Scenario.CheckAsync("tables/heir_transfer", Runs.AnyInterleaving, (node, obs) =>
        node.RunAsync(async self =>
        {
            var (owner, _) = self.SpawnMonitor(async me =>
            {
                var t = Ets.New(me, "cache", new TableOptions { Heir = self.Self, HeirData = new Atom("inherited") });
                Ets.Insert(me, t, (K, 1));
                me.Send(self.Self, new TableIs(t));
                await me.Receive(m => m is "stop");
            });
            var t = (await self.Receive<TableIs>()).Table;
            obs.Add($"before: insert by the heir-to-be {Outcome(() => Ets.Insert(self, t, (K, 2)))}");
            self.Send(owner, "stop");
            var first = await self.Receive();
            var second = await self.Receive();
            obs.Add($"first message: {Show.Term(first)}");
            obs.Add($"second message: {Show.Term(second)}");
            var transfer = (EtsTransfer)first;
            obs.Add($"transfer names the table and the old owner: {Show.Term(transfer.Table == t)} {Show.Term(transfer.From == owner)}");
            var info = Ets.Info(self, t)!;
            obs.Add($"owner now self: {Show.Term(info.Owner == self.Self)}, heir still self: {Show.Term(info.Heir == self.Self)}");
            Ets.Insert(self, t, (K, 2));
            obs.Add($"the heir writes: {Show.Term(Ets.Lookup(self, t, K))}");

            var (owner2, r2) = self.SpawnMonitor(async me =>
            {
                Ets.New(me, "named_cache", new TableOptions { Named = true, Heir = self.Self, HeirData = new Atom("named") });
                me.Send(self.Self, "ready");
                await me.Receive(m => m is "stop");
            });
            await self.Receive(m => m is "ready");
            self.Send(owner2, "stop");
            var named = await self.Receive<EtsTransfer>(m => m.Data is Atom { Name: "named" });
            obs.Add($"named transfer: {Show.Term(named.Table.Name is not null)}, same table: {Show.Term(Ets.WhereIs(self, "named_cache") == named.Table)}");
            await self.Receive<Down>(d => d.Ref.Equals(r2));

            var (dead, dr) = self.SpawnMonitor(async _ => { });
            await self.Receive<Down>(d => d.Ref.Equals(dr));
            var (owner3, r3) = self.SpawnMonitor(async me =>
                me.Send(self.Self, new TableIs(Ets.New(me, "orphan", new TableOptions { Access = TableAccess.Public, Heir = dead, HeirData = new Atom("none") }))));
            var t3 = (await self.Receive<TableIs>()).Table;
            await self.Receive<Down>(d => d.Ref.Equals(r3));
            obs.Add($"dead heir: info {Show.Term(Ets.Info(self, t3))}");

            var g = Ets.New(self, "gift");
            var taker = self.Spawn(async me =>
            {
                var gift = await me.Receive<EtsTransfer>();
                Ets.Insert(me, gift.Table, (new Atom("from_taker"), 1));
                me.Send(self.Self, new Taken(gift.From == self.Self, gift.Data));
                await me.Receive(m => m is "stop");
            });
            obs.Add($"give_away to self: {Outcome(() => Ets.GiveAway(self, g, self.Self, X))}");
            obs.Add($"give_away: {Show.Term(Ets.GiveAway(self, g, taker, new Atom("present")))}");
            var taken = await self.Receive<Taken>();
            obs.Add($"the taker heard from me: {Show.Term(taken.FromMe)}, gift {Show.Term(taken.Gift)}");
            obs.Add($"old owner writes: {Outcome(() => Ets.Insert(self, g, (K, 1)))}");
            obs.Add($"old owner gives it again: {Outcome(() => Ets.GiveAway(self, g, self.Self, X))}");
            obs.Add($"the taker's object: {Show.Term(Ets.Lookup(self, g, new Atom("from_taker")))}");
            self.Send(taker, "stop");
        }));

    [Fact]
    public Task update_counter() => Scenario.CheckAsync("tables/update_counter", Runs.AnyInterleaving, (node, obs) =>
        node.RunAsync(async self =>
        {
            Atom hits = "hits", misses = "misses", other = "other", nobody = "nobody", text = "text", n = "n";
            var s = Ets.New(self, "s");
            Ets.Insert(self, s, (hits, 1, 10));
            obs.Add($"+5: {Ets.UpdateCounter(self, s, hits, 5)}");
            obs.Add($"{{3,-4}}: {Ets.UpdateCounter(self, s, hits, 3, -4)}");
            obs.Add($"-20: {Ets.UpdateCounter(self, s, hits, -20)}");
            obs.Add($"object: {Show.Term(Ets.Lookup(self, s, hits))}");
            obs.Add($"default: {Ets.UpdateCounter(self, s, misses, 2, (misses, 40))} {Show.Term(Ets.Lookup(self, s, misses))}");
            obs.Add($"default with another key: {Ets.UpdateCounter(self, s, other, 1, (new Atom("zzz"), 7))} {Show.Term(Ets.Lookup(self, s, other))}");
            obs.Add($"missing key: {Outcome(() => Ets.UpdateCounter(self, s, nobody, 1))}");
            obs.Add($"key position: {Outcome(() => Ets.UpdateCounter(self, s, hits, 1, 1))}");
            obs.Add($"past the end: {Outcome(() => Ets.UpdateCounter(self, s, hits, 9, 1))}");
            Ets.Insert(self, s, (text, new Atom("abc")));
            obs.Add($"not an integer: {Outcome(() => Ets.UpdateCounter(self, s, text, 1))}");
            obs.Add($"unchanged after errors: {Show.Term(Ets.Lookup(self, s, hits))}");
            var o = Ets.New(self, "o", new TableOptions { Type = TableType.OrderedSet });
            Ets.Insert(self, o, (1, 0));
            obs.Add($"ordered set, key 1.0: {Ets.UpdateCounter(self, o, 1.0, 3)} {Show.Term(Ets.ToList(self, o))}");
            var b = Ets.New(self, "b", new TableOptions { Type = TableType.Bag });
            Ets.Insert(self, b, (K, 1));
            obs.Add($"bag: {Outcome(() => Ets.UpdateCounter(self, b, K, 1))}");
            var p = Ets.New(self, "p", new TableOptions { Access = TableAccess.Public, WriteConcurrency = true });
            Ets.Insert(self, p, (n, 0));
            for (var w = 0; w < 8; w++)
                self.Spawn(async me =>
                {
                    for (var i = 0; i < 1000; i++) Ets.UpdateCounter(me, p, n, 1);
                    me.Send(self.Self, "done");
                });
            for (var w = 0; w < 8; w++) await self.Receive(m => m is "done");
            obs.Add($"8 processes x 1000: {Show.Term(Ets.Lookup(self, p, n))}");
        }));

    [Fact]
    public Task traversal() => Scenario.CheckAsync("tables/traversal", Runs.AnyInterleaving, (node, obs) =>
        node.RunAsync(async self =>
        {
            var o = Ets.New(self, "o", new TableOptions { Type = TableType.OrderedSet });
            object[] keys = [new Atom("zeta"), 3, (1, 2), 2.5, "bin", new Atom("alpha"), -1, ValueTuple.Create(0)];
            Ets.Insert(self, o, keys.Select(k => (ITuple)(k, V)));
            string ShowKeys(IEnumerable<object> ks) => Show.Term(ks.Select(AsErlang).ToList());
            obs.Add($"forward: {ShowKeys(Walk(self, o, Ets.First(self, o), k => Ets.Next(self, o, k)))}");
            obs.Add($"backward: {ShowKeys(Walk(self, o, Ets.Last(self, o), k => Ets.Prev(self, o, k)))}");
            obs.Add($"next of missing 2: {Show.Term(Ets.Next(self, o, 2))}, prev of missing 2: {Show.Term(Ets.Prev(self, o, 2))}");
            obs.Add($"next of the last: {Show.Term(Ets.Next(self, o, "bin"))}, prev of the first: {Show.Term(Ets.Prev(self, o, -1))}");
            obs.Add($"next past everything: {Show.Term(Ets.Next(self, o, "zzz"))}");
            var e = Ets.New(self, "e", new TableOptions { Type = TableType.OrderedSet });
            obs.Add($"empty: {Show.Term(Ets.First(self, e))} {Show.Term(Ets.Last(self, e))} {Show.Term(Ets.Next(self, e, 1))}");
            var s = Ets.New(self, "s");
            Ets.Insert(self, s, Enumerable.Range(1, 50).Select(k => (ITuple)(k, V)));
            var visited = Walk(self, s, Ets.First(self, s), k => Ets.Next(self, s, k));
            obs.Add($"set visits: {visited.Count} keys, sorted {Show.Term(visited.Cast<int>().Order().SequenceEqual(Enumerable.Range(1, 50)))}");
            obs.Add($"set last is first: {Show.Term(Ets.Last(self, s).Equals(Ets.First(self, s)))}");
            obs.Add($"set next of a missing key: {Outcome(() => Ets.Next(self, s, 999))}");
            var b = Ets.New(self, "b", new TableOptions { Type = TableType.Bag });
            Ets.Insert(self, b, [(K, 1), (K, 2), (J, 1)]);
            obs.Add($"bag visits each key once: {Show.Term(Sorted(Walk(self, b, Ets.First(self, b), k => Ets.Next(self, b, k))))}");
        }));

    [Fact]
    public Task match() => Scenario.CheckAsync("tables/match", Runs.AnyInterleaving, (node, obs) =>
        node.RunAsync(async self =>
        {
            var o = Ets.New(self, "o", new TableOptions { Type = TableType.OrderedSet });
            Ets.Insert(self, o, [(B, 2, X), (A, 1, Y), (C, 1, Y), (D, (1, 2), Z), (E, E, E)]);
            var any = Ets.Any;
            obs.Add($"match {{'$2','_','$1'}}: {Show.Term(Ets.Match(self, o, (Ets.Var(2), any, Ets.Var(1))))}");
            obs.Add($"match_object {{'_',1,'_'}}: {Show.Term(Ets.MatchObject(self, o, (any, 1, any)))}");
            obs.Add($"match_object {{b,'_','_'}}: {Show.Term(Ets.MatchObject(self, o, (B, any, any)))}");
            obs.Add($"match {{'$1','$1','_'}}: {Show.Term(Ets.Match(self, o, (Ets.Var(1), Ets.Var(1), any)))}");
            obs.Add($"match {{'_',{{'$1','_'}},'_'}}: {Show.Term(Ets.Match(self, o, (any, (Ets.Var(1), any), any)))}");
            obs.Add($"match a shorter tuple: {Show.Term(Ets.MatchObject(self, o, (any, any)))}");
            var b = Ets.New(self, "b", new TableOptions { Type = TableType.Bag });
            Ets.Insert(self, b, [(K, 1), (K, 2), (J, 1)]);
            obs.Add($"bag match_object {{'_',1}}: {Show.Term(Sorted(Ets.MatchObject(self, b, (any, 1))))}");
            obs.Add($"bag match {{k,'$1'}}: {Show.Term(Ets.Match(self, b, (K, Ets.Var(1))))}");
        }));
}
