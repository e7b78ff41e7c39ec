using Otp.KvStore.Pure;

namespace Otp.KvStore.Tests.Pure;

/// <summary>The pure module: every operation returns a new store or an error value, and leaves the old store as it was.</summary>
public class KeyValueStoreTests
{
    private static KeyValueStore<string, int> Of(params (string Key, int Value)[] entries)
    {
        var store = KeyValueStore<string, int>.New();
        foreach (var (k, v) in entries) store = Ok(store.Set(k, v));
        return store;
    }

    private static T Ok<T>(KvResult<T> result) =>
        result is KvResult<T>.Ok ok ? ok.Value : throw new Xunit.Sdk.XunitException($"expected ok, got {result}");

    [Fact]
    public void A_new_store_is_empty_and_a_get_says_not_found()
    {
        var store = KeyValueStore<string, int>.New();
        Assert.Equal(0, store.Count);
        var error = Assert.IsType<KvResult<int>.Error>(store.Get("a")).Reason;
        Assert.Equal(KvError.NotFound, error.Type);
        Assert.Equal("a", error.Details["key"]);
        Assert.Equal("{error,{not_found,\"key not found\",#{key => a}}}", store.Get("a").ToString());
    }

    [Fact]
    public void Set_then_get_returns_the_value_and_the_old_store_is_unchanged()
    {
        var empty = KeyValueStore<string, int>.New();
        var one = Ok(empty.Set("a", 1));
        Assert.Equal(1, Ok(one.Get("a")));
        Assert.False(empty.Get("a").IsOk);

        var two = Ok(one.Set("a", 2));
        Assert.Equal(2, Ok(two.Get("a")));
        Assert.Equal(1, Ok(one.Get("a")));
        Assert.Equal(1, two.Count);
    }

    [Fact]
    public void Get_with_a_default_returns_the_default_only_for_a_missing_key()
    {
        var store = Of(("a", 1));
        Assert.Equal(1, Ok(store.Get("a", 42)));
        Assert.Equal(42, Ok(store.Get("b", 42)));
    }

    [Fact]
    public void Delete_removes_the_key_and_deleting_a_missing_key_succeeds()
    {
        var store = Of(("a", 1), ("b", 2));
        var without = Ok(store.Delete("a"));
        Assert.False(without.Get("a").IsOk);
        Assert.Equal(2, Ok(without.Get("b")));
        Assert.Equal(1, Ok(store.Get("a")));

        var again = Ok(without.Delete("a"));
        Assert.Equal(1, again.Count);
    }

    [Fact]
    public void A_null_key_is_an_error_value_not_an_exception()
    {
        var store = KeyValueStore<string, int>.New();
        foreach (var result in new object[] { store.Set(null!, 1), store.Get(null!), store.Get(null!, 0), store.Delete(null!) })
        {
            var reason = result switch
            {
                KvResult<KeyValueStore<string, int>>.Error e => e.Reason,
                KvResult<int>.Error e => e.Reason,
                _ => throw new Xunit.Sdk.XunitException($"expected an error, got {result}"),
            };
            Assert.Equal(KvError.InvalidKey, reason.Type);
        }
    }

    [Fact]
    public void Erlang_terms_as_keys_compare_as_Erlang_compares_them()
    {
        var store = KeyValueStore<object, object>.New(TermEquality.Default);
        store = Ok(store.Set(new Atom("a"), 5));
        store = Ok(store.Set(5, "five"));
        store = Ok(store.Set(new ErlangTuple(new Atom("x"), 1), "tuple"));

        Assert.Equal(5, Ok(store.Get(new Atom("a"))));
        Assert.Equal("five", Ok(store.Get(5L)));
        Assert.Equal("tuple", Ok(store.Get((new Atom("x"), 1))));
        Assert.False(store.Get(5.0).IsOk); // 5 =:= 5.0 is false in Erlang
    }
}
