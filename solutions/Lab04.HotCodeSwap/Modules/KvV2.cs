// Version 2 of the "kv" module (task 1).
// New requests: ("delete", key) -> "ok"; "stats" -> "<n> keys, <w> writes since v2".
// The state becomes (entries, writes): writes counts puts and deletes handled by v2.
using System.Collections.Immutable;
using Otp.CodeLoading;

public sealed class KvStore : IServerModule
{
    public object Init(object? argument) => (ImmutableDictionary<string, string>.Empty, 0);

    public (object? Reply, object State) HandleCall(object request, object state)
    {
        var (entries, writes) = ((ImmutableDictionary<string, string>, int))state;
        return request switch
        {
            ("put", string key, string value) => ("ok", (entries.SetItem(key, value), writes + 1)),
            ("get", string key) => (entries.TryGetValue(key, out var v) ? v : "not found", state),
            ("delete", string key) => ("ok", (entries.Remove(key), writes + 1)),
            "stats" => ($"{entries.Count} keys, {writes} writes since v2", state),
            _ => ($"v2 does not understand {request}", state),
        };
    }

    // v1 kept the dictionary alone; v2 wraps it and starts counting.
    public object CodeChange(int fromVersion, object state) => fromVersion switch
    {
        1 => ((ImmutableDictionary<string, string>)state, 0),
        _ => throw new System.ArgumentException($"kv v2 cannot upgrade from version {fromVersion}"),
    };
}
