using Otp.Behaviours;
using Otp.KvStore.Pure;

namespace Otp.KvStore.Server;

/// <summary>
/// A server process around the pure <see cref="KeyValueStore{TKey, TValue}"/>: its state is the
/// latest store, and each call applies one operation to it. Errors are replies, never crashes, so
/// a missing key or a bad request does not restart the store and lose what it holds. Call it
/// through the <see cref="KeyValueServer"/> functions.
/// </summary>
/// <typeparam name="TValue">What the store holds under each (string) key.</typeparam>
public sealed class KeyValueServer<TValue> : GenServer<KeyValueStore<string, TValue>>
{
    /// <inheritdoc/>
    protected override ValueTask<KeyValueStore<string, TValue>> InitAsync() =>
        ValueTask.FromResult(KeyValueStore<string, TValue>.New(StringComparer.Ordinal));

    /// <inheritdoc/>
    protected override ValueTask<ServerResult<KeyValueStore<string, TValue>>> HandleCallAsync(object request, From from, KeyValueStore<string, TValue> store) =>
        request switch
        {
            SetRequest<TValue> set => Changed(store.Set(set.Key, set.Value), store),
            GetRequest get => Reply(store.Get(get.Key), store),
            DeleteRequest delete => Changed(store.Delete(delete.Key), store),
            _ => base.HandleCallAsync(request, from, store),
        };

    private static ServerResult<KeyValueStore<string, TValue>> Changed(KvResult<KeyValueStore<string, TValue>> result, KeyValueStore<string, TValue> store) =>
        result switch
        {
            KvResult<KeyValueStore<string, TValue>>.Ok ok => Reply(new Atom("ok"), ok.Value),
            KvResult<KeyValueStore<string, TValue>>.Error error => Reply(error.Reason, store),
            _ => throw new InvalidOperationException("unreachable"),
        };
}
