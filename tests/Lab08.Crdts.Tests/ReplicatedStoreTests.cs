using System.Text;

namespace Lab08.Crdts.Tests;

public class ReplicatedStoreTests
{
    private static readonly string[] Names = ["n1", "n2", "n3"];

    private static string Show(ReplicatedStore store, params string[] keys) =>
        string.Join("  ", Names.Select(n => n + " " + string.Join(" ", keys.Select(k => k + "=" + Text.List(store.Get(n, k))))));

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task4_APartitionDivergesThenTheHealConverges()
    {
        var log = new StringBuilder();
        var store = new ReplicatedStore(Names);
        void Log(string what) => log.AppendLine($"{what,-26} {Show(store, "cart", "seat")}");
        store.Put("n1", "cart", "book");
        Log("n1 put cart=book");
        store.Sync();
        Log("sync");
        store.Partition(["n1"], ["n2", "n3"]);
        store.Put("n1", "cart", "pen");
        store.Put("n2", "cart", "mug");
        store.Delete("n3", "cart");
        store.Put("n3", "seat", "12A");
        Log("partitioned, writes");
        store.Sync();
        Log("sync in the partition");
        store.Heal();
        store.Sync();
        Log("heal, sync");
        Assert.All(Names, n => Assert.Equal(["mug", "pen"], store.Get(n, "cart")));
        Assert.All(Names, n => Assert.Equal(["12A"], store.Get(n, "seat")));
        await Verify(log.ToString());
    }

    [Fact(Timeout = Lab.TestTimeout)]
    public void Task4_ConvergesAfterAnyPartitionsOnceHealed() =>
        Gen.Select(Gen.Int[0, 9], Gen.Int[0, 2], Gen.Int[0, 1], Gen.Int[0, 2]).Array[0, 30].Sample(steps =>
        {
            var store = new ReplicatedStore(Names);
            var everWritten = new HashSet<string>();
            foreach (var (kind, n, k, v) in steps)
            {
                var key = "k" + k;
                switch (kind)
                {
                    case <= 4: store.Put(Names[n], key, "v" + v); everWritten.Add("v" + v); break;
                    case 5: store.Delete(Names[n], key); break;
                    case 6: store.Partition([Names[n]], [.. Names.Where(x => x != Names[n])]); break;
                    case 7: store.Heal(); break;
                    default: store.Sync(); break;
                }
            }
            store.Heal();
            store.Sync();
            foreach (var key in new[] { "k0", "k1" })
            {
                Assert.All(Names, n => Assert.Equal(store.Get(Names[0], key), store.Get(n, key)));
                Assert.All(store.Get(Names[0], key), value => Assert.Contains(value, everWritten));
            }
        }, iter: 200, threads: 1);

    [Fact(Timeout = Lab.TestTimeout)]
    public void Task4_RejectsAPartitionThatForgetsAReplica()
    {
        var store = new ReplicatedStore(Names);
        Assert.Throws<ArgumentException>(() => store.Partition(["n1"], ["n2"]));
        Assert.Throws<ArgumentException>(() => new ReplicatedStore("n1", "n1"));
    }
}
