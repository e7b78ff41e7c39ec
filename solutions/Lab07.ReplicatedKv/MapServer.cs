using Otp;
using Otp.Behaviours;

namespace Lab07.ReplicatedKv;

/// <summary>Task 3: the lecture's map server, registered under the name its Elixir module has,
/// so that <c>GenServer.call({KvStore.MapServer, node}, {:put, :a, 5})</c> reaches it.</summary>
public static class MapServer
{
    /// <summary>The registered name: the Elixir module <c>KvStore.MapServer</c> as an atom.</summary>
    public const string Name = "Elixir.KvStore.MapServer";

    /// <summary>Task 3: starts the map server on <paramref name="self"/>'s node, registered as
    /// <see cref="Name"/>, not linked to <paramref name="self"/>; returns its pid. It answers the
    /// call <c>{put, K, V}</c> with <c>ok</c> and <c>{get, K}</c> with the value, or the atom
    /// <c>nil</c> for a key never put. Keys and values are any terms.</summary>
    public static async Task<Pid> StartAsync(Process self) =>
        await GenServer.StartAsync(self, new Server(), Name);

    /// <summary>Task 3: the lecture's <c>put(node, k, v)</c>: calls <c>{put, K, V}</c> on the map
    /// server of <paramref name="node"/> and returns its reply (the atom <c>ok</c>). A failed
    /// call throws its <see cref="ExitException"/>.</summary>
    public static async Task<object> PutAsync(Process self, string node, object key, object value) =>
        await GenServer.CallAsync(self, Name, node, new ErlangTuple(new Atom("put"), key, value));

    /// <summary>Task 3: the lecture's <c>get(node, k)</c>: calls <c>{get, K}</c> on the map server
    /// of <paramref name="node"/> and returns the value, or the atom <c>nil</c>.</summary>
    public static async Task<object> GetAsync(Process self, string node, object key) =>
        await GenServer.CallAsync(self, Name, node, new ErlangTuple(new Atom("get"), key));

    // Keys compare as Erlang terms (TermEquality): an atom, a tuple or a binary from another node
    // finds what was put under an equal term.
    private sealed class Server : GenServer<Dictionary<object, object>>
    {
        private static readonly Atom Nil = new("nil");

        protected override ValueTask<Dictionary<object, object>> InitAsync() =>
            ValueTask.FromResult(new Dictionary<object, object>(TermEquality.Default!));

        protected override ValueTask<ServerResult<Dictionary<object, object>>> HandleCallAsync(object request, From from, Dictionary<object, object> map)
        {
            switch (request)
            {
                case (Atom { Name: "put" }, object key, object value):
                    map[key] = value;
                    return ValueTask.FromResult(Reply(new Atom("ok"), map));
                case (Atom { Name: "get" }, object key):
                    return ValueTask.FromResult(Reply(map.GetValueOrDefault(key, Nil), map));
                default:
                    return ValueTask.FromResult(Reply(new Atom("badrequest"), map));
            }
        }
    }
}
