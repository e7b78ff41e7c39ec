using System.Text;

namespace Lab07.ReplicatedKv.Tests;

public class PureStoreTests
{
    // A transcript of the module's answers: each line is an operation and what it returned, with
    // the keys of the store it returned. The module runs no process, so the whole run is fixed.
    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task1_TheModuleAnswersWithValuesAndErrors()
    {
        var log = new StringBuilder();
        void Line(string op, object result) => log.AppendLine($"{op,-28} -> {Describe(result)}");

        var empty = KvStore.New();
        Line("new", empty);
        var set = empty.Set("title", "Dune");
        Line("set title Dune", set);
        var one = ((KvResult<KvStore>.Ok)set).Value;
        Line("get title", one.Get("title"));
        Line("get author", one.Get("author"));
        Line("get author (default anon)", one.Get("author", "anon"));
        Line("get title (default anon)", one.Get("title", "anon"));
        var two = ((KvResult<KvStore>.Ok)one.Set("author", "Herbert")).Value;
        Line("set author Herbert", two);
        var replaced = ((KvResult<KvStore>.Ok)two.Set("title", "Dune Messiah")).Value;
        Line("set title Dune Messiah", replaced);
        Line("get title", replaced.Get("title"));
        Line("delete author", replaced.Delete("author"));
        Line("delete year (missing)", replaced.Delete("year"));
        Line("set \"\" x", replaced.Set("", "x"));
        Line("set null x", replaced.Set(null!, "x"));
        Line("set year null", replaced.Set("year", null!));
        Line("get \"\"", replaced.Get(""));
        Line("delete \"\"", replaced.Delete(""));
        Line("get \"\" (default anon)", replaced.Get("", "anon"));
        await Verify(log.ToString());
    }

    [Fact(Timeout = Lab.TestTimeout)]
    public void Task1_EveryOperationLeavesTheOldStoreAsItWas()
    {
        var one = ((KvResult<KvStore>.Ok)KvStore.New().Set("a", "1")).Value;
        var two = ((KvResult<KvStore>.Ok)one.Set("b", "2")).Value;
        var changed = ((KvResult<KvStore>.Ok)two.Set("a", "one")).Value;
        var fewer = ((KvResult<KvStore>.Ok)changed.Delete("b")).Value;
        Assert.Equal(["a"], one.Keys);
        Assert.Equal("1", one.Get("a", "?"));
        Assert.Equal(["a", "b"], two.Keys);
        Assert.Equal("1", two.Get("a", "?"));
        Assert.Equal(["a", "b"], changed.Keys);
        Assert.Equal(["a"], fewer.Keys);
        Assert.Equal("one", fewer.Get("a", "?"));
        Assert.Empty(KvStore.New().Keys);
    }

    private static string Describe(object result) => result switch
    {
        KvStore s => Keys(s),
        KvResult<KvStore>.Ok(var s) => $"{{ok,{Keys(s)}}}",
        _ => result.ToString() ?? "null",
    };

    private static string Keys(KvStore s) => "store[" + string.Join(",", s.Keys.Select(k => $"{k}={s.Get(k, "?")}")) + "]";
}
