using CsCheck;
using Otp.KvStore.Pure;

namespace Otp.KvStore.Tests.Pure;

/// <summary>Random sequences of operations, checked against a plain dictionary as the model.</summary>
public class KeyValueStoreModelTests
{
    /// <summary>One operation: 0 set, 1 get, 2 get with a default, 3 delete; on a key from a small set, so they collide.</summary>
    private sealed record Op(int Kind, int Key, int Value)
    {
        public static readonly Gen<Op> Gen = CsCheck.Gen.Select(CsCheck.Gen.Int[0, 3], CsCheck.Gen.Int[0, 5], CsCheck.Gen.Int[0, 99], (k, key, v) => new Op(k, key, v));
    }

    [Fact]
    public void Every_sequence_of_operations_behaves_like_a_dictionary_and_old_stores_never_change()
    {
        Op.Gen.Array[0, 40].Sample(ops =>
        {
            var model = new Dictionary<string, int>();
            var store = KeyValueStore<string, int>.New();
            var history = new List<(KeyValueStore<string, int> Store, Dictionary<string, int> Model)> { (store, new(model)) };
            foreach (var op in ops)
            {
                var key = $"k{op.Key}";
                switch (op.Kind)
                {
                    case 0:
                        store = ((KvResult<KeyValueStore<string, int>>.Ok)store.Set(key, op.Value)).Value;
                        model[key] = op.Value;
                        break;
                    case 1:
                        var got = store.Get(key);
                        if (model.TryGetValue(key, out var expected)) Assert.Equal(new KvResult<int>.Ok(expected), got);
                        else Assert.Equal(KvError.NotFound, Assert.IsType<KvResult<int>.Error>(got).Reason.Type);
                        break;
                    case 2:
                        Assert.Equal(new KvResult<int>.Ok(model.GetValueOrDefault(key, -op.Value - 1)), store.Get(key, -op.Value - 1));
                        break;
                    default:
                        store = ((KvResult<KeyValueStore<string, int>>.Ok)store.Delete(key)).Value;
                        model.Remove(key);
                        break;
                }
                Assert.Equal(model.Count, store.Count);
                history.Add((store, new(model)));
            }
            // Immutability: every earlier store still holds exactly what it held then.
            foreach (var (old, then) in history)
            {
                Assert.Equal(then.Keys.Order(), old.Keys.Order());
                foreach (var (k, v) in then) Assert.Equal(new KvResult<int>.Ok(v), old.Get(k));
            }
        }, iter: 300, threads: 1);
    }
}
