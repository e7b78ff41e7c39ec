using Otp.Crdts.Counters;
using Otp.Crdts.Maps;
using Otp.Crdts.Registers;
using Otp.Crdts.Sets;

namespace Otp.Crdts.Tests.Examples;

/// <summary>The map and pair examples of the Lasp posts and notes.</summary>
public sealed class MapExamples
{
    [Fact]
    public void AWMap_of_MVRegister_set_key1_then_remove_it()
    {
        var m = AWMap<string, MVRegister<string>>.Empty.Apply("key1", r => r.Set("a", "i_am_an_awmap_value"));
        Assert.Equal("[{key1,[i_am_an_awmap_value]}]", Show.Term(m.Value.ToDictionary(kv => kv.Key, kv => kv.Value.Value)));
        Assert.Empty(m.Remove("key1").Value);
    }

    [Fact]
    public void AWMap_remove_concurrent_with_an_update_keeps_only_the_unseen_update()
    {
        var shared = AWMap<string, AWSet<string>>.Empty.Apply("k", s => s.Add("a", "x"));
        var a = shared.Apply("k", s => s.Add("a", "y"));
        var b = shared.Remove("k");
        var merged = a.Merge(b);
        Assert.Equal("[{k,[y]}]", Show.Term(merged.Value.ToDictionary(kv => kv.Key, kv => kv.Value.Value)));
    }

    [Fact]
    public void MVMap_set_v1_then_v2_and_concurrent_writes()
    {
        var m = MVMap<string, string>.Empty.Set("a", "k", "v1").Set("a", "k", "v2");
        Assert.Equal("[{k,[v2]}]", Show.Term(m.Value));
        var both = MVMap<string, string>.Empty.Set("a", "k", "va").Merge(MVMap<string, string>.Empty.Set("b", "k", "vb"));
        Assert.Equal("[{k,[va,vb]}]", Show.Term(both.Value));
    }

    [Fact]
    public void GMap_of_counters_and_of_lww_registers()
    {
        var m = GMap<string, GCounter>.Empty.Apply("k1", c => c.Increment("a", 2)).Apply("k2", c => c.Increment("a"));
        Assert.Equal("[{k1,2},{k2,1}]", Show.Term(m.Value.ToDictionary(kv => kv.Key, kv => kv.Value.Value)));
        var r = GMap<string, LwwRegister<string>>.Empty.Apply("k1", x => x.Set(1, "a", "v1")).Apply("k1", x => x.Set(3, "a", "v3"));
        Assert.Equal("v3", r["k1"].Value);
    }

    [Fact]
    public void Pair_of_gcounter_and_gset()
    {
        var p = Pair<GCounter, GSet<string>>.Empty.ApplyFirst(c => c.Increment("a")).ApplySecond(s => s.Add("foo"));
        Assert.Equal("{1,[foo]}", Show.Term((p.First.Value, p.Second.Value)));
    }
}
