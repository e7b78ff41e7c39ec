// Version 1 of the "kv" module: a key-value store. Given; do not change it.
// Requests are plain data every version understands, like Erlang terms:
//   ("put", key, value) -> "ok"      ("get", key) -> the value, or "not found"
// The state is the dictionary itself.
using System.Collections.Immutable;
using Otp.CodeLoading;

public sealed class KvStore : IServerModule
{
    public object Init(object? argument) => ImmutableDictionary<string, string>.Empty;

    public (object? Reply, object State) HandleCall(object request, object state)
    {
        var entries = (ImmutableDictionary<string, string>)state;
        return request switch
        {
            ("put", string key, string value) => ("ok", entries.SetItem(key, value)),
            ("get", string key) => (entries.TryGetValue(key, out var v) ? v : "not found", entries),
            _ => ($"v1 does not understand {request}", entries),
        };
    }

    public object CodeChange(int fromVersion, object state) => state;
}
