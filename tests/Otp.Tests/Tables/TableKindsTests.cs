using System.Runtime.CompilerServices;
using Otp.Tables;
using Otp.Terms;

namespace Otp.Tests.Tables;

/// <summary>The four kinds of table: what insert, lookup and delete do to each.</summary>
public class TableKindsTests
{
    private static Task<T> InProcess<T>(Func<Process, T> body)
    {
        var node = Node.StartDeterministic(trace: false);
        return node.RunAsync(async self => body(self));
    }

    private static string Show(IEnumerable<ITuple> objects) => Term.Format(objects.ToList());

    [Fact]
    public async Task A_set_keeps_the_last_object_of_a_key()
    {
        var seen = await InProcess(self =>
        {
            var t = Ets.New(self, "s");
            Ets.Insert(self, t, ("k", 1));
            Ets.Insert(self, t, ("k", 2));
            Ets.Insert(self, t, (1, "int"));
            Ets.Insert(self, t, (1.0, "float"));
            return (Show(Ets.Lookup(self, t, "k")), Ets.Info(self, t)!.Size, Show(Ets.Lookup(self, t, 1L)));
        });
        // 1 and 1.0 are two keys in a set (=:=); 1 and 1L are one (both Erlang integers).
        Assert.Equal(("[{\"k\",2}]", 3, "[{1,\"int\"}]"), seen);
    }

    [Fact]
    public async Task An_ordered_set_keys_with_equality_of_value_and_sorts_in_term_order()
    {
        var seen = await InProcess(self =>
        {
            var t = Ets.New(self, "o", new TableOptions { Type = TableType.OrderedSet });
            Ets.Insert(self, t, [((object)new Atom("x"), "atom"), (2.5, "float"), (1, "int"), (ValueTuple.Create(1), "tuple"), ("bin", "string"), (1.0, "one")]);
            return Show(Ets.ToList(self, t));
        });
        Assert.Equal("[{1.0,\"one\"},{2.5,\"float\"},{x,\"atom\"},{{1},\"tuple\"},{\"bin\",\"string\"}]", seen);
    }

    [Fact]
    public async Task A_bag_drops_equal_objects_and_a_duplicate_bag_keeps_them()
    {
        var seen = await InProcess(self =>
        {
            var bag = Ets.New(self, "b", new TableOptions { Type = TableType.Bag });
            var dup = Ets.New(self, "d", new TableOptions { Type = TableType.DuplicateBag });
            foreach (var t in new[] { bag, dup })
                foreach (var o in new[] { ("k", 1), ("k", 2), ("k", 1), ("k", 3) }) Ets.Insert(self, t, o);
            return (Show(Ets.Lookup(self, bag, "k")), Show(Ets.Lookup(self, dup, "k")), Ets.Info(self, dup)!.Size);
        });
        Assert.Equal(("[{\"k\",1},{\"k\",2},{\"k\",3}]", "[{\"k\",1},{\"k\",2},{\"k\",1},{\"k\",3}]", 4), seen);
    }

    [Fact]
    public async Task A_list_goes_into_a_bag_last_object_first_as_on_the_beam()
    {
        var seen = await InProcess(self =>
        {
            var bag = Ets.New(self, "b", new TableOptions { Type = TableType.Bag });
            Ets.Insert(self, bag, ("k", 0));
            Ets.Insert(self, bag, [("k", 1), ("k", 2), ("k", 1), ("k", 3)]);
            return Show(Ets.Lookup(self, bag, "k"));
        });
        Assert.Equal("[{\"k\",0},{\"k\",3},{\"k\",1},{\"k\",2}]", seen);
    }

    [Fact]
    public async Task Delete_object_removes_every_copy_and_only_that_object()
    {
        var seen = await InProcess(self =>
        {
            var dup = Ets.New(self, "d", new TableOptions { Type = TableType.DuplicateBag });
            Ets.Insert(self, dup, [("k", 1), ("k", 2), ("k", 1)]);
            Ets.DeleteObject(self, dup, ("k", 1));
            var set = Ets.New(self, "s");
            Ets.Insert(self, set, ("k", 1));
            Ets.DeleteObject(self, set, ("k", 2));
            return (Show(Ets.Lookup(self, dup, "k")), Ets.Info(self, dup)!.Size, Ets.Member(self, set, "k"));
        });
        Assert.Equal(("[{\"k\",2}]", 1, true), seen);
    }

    [Fact]
    public async Task Insert_new_inserts_all_or_nothing()
    {
        var seen = await InProcess(self =>
        {
            var t = Ets.New(self, "s");
            Ets.Insert(self, t, ("a", 1));
            var clash = Ets.InsertNew(self, t, [("b", 1), ("a", 2)]);
            var fresh = Ets.InsertNew(self, t, [("b", 1), ("c", 2)]);
            return (clash, fresh, Show(Ets.ToList(self, t).OrderBy(o => o, Comparer<ITuple>.Create((x, y) => TermOrder.Compare(x, y)))));
        });
        Assert.Equal((false, true, "[{\"a\",1},{\"b\",1},{\"c\",2}]"), seen);
    }

    [Fact]
    public async Task Keypos_chooses_the_key()
    {
        var seen = await InProcess(self =>
        {
            var t = Ets.New(self, "users", new TableOptions { KeyPos = 2 });
            Ets.Insert(self, t, ("user", "alice", 30));
            Ets.Insert(self, t, ("admin", "alice", 31));
            var err = Assert.Throws<BadArgException>(() => Ets.Insert(self, t, ValueTuple.Create("short")));
            return (Show(Ets.Lookup(self, t, "alice")), err.Reason.Name);
        });
        Assert.Equal(("[{\"admin\",\"alice\",31}]", "badarg"), seen);
    }

    [Fact]
    public async Task Match_binds_variables_and_match_object_returns_objects()
    {
        var seen = await InProcess(self =>
        {
            var t = Ets.New(self, "o", new TableOptions { Type = TableType.OrderedSet });
            Ets.Insert(self, t, [("b", 2, "x"), ("a", 1, "y"), ("c", 1, "y")]);
            var bindings = Ets.Match(self, t, (Ets.Var(2), Ets.Any, Ets.Var(1)));
            var objects = Ets.MatchObject(self, t, (Ets.Any, 1, Ets.Any));
            var byKey = Ets.MatchObject(self, t, ("b", Ets.Any, Ets.Any));
            var sameTwice = Ets.Match(self, t, (Ets.Var(1), Ets.Var(1), Ets.Any));
            return (Term.Format(bindings), Show(objects), Show(byKey), sameTwice.Count);
        });
        Assert.Equal(("[[\"y\",\"a\"],[\"x\",\"b\"],[\"y\",\"c\"]]", "[{\"a\",1,\"y\"},{\"c\",1,\"y\"}]", "[{\"b\",2,\"x\"}]", 0), seen);
    }
}
