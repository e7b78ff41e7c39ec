using System.Runtime.CompilerServices;
using Otp.Behaviours;
using Otp.KvStore.Pure;

namespace Otp.KvStore.Lecture;

/// <summary>
/// The lecture's map server: a <see cref="GenServer{TState}"/> registered as
/// <c>Elixir.KvStore.MapServer</c> (the Erlang name of Elixir's module <c>KvStore.MapServer</c>)
/// that answers the lecture's calls with the lecture's replies:
/// <list type="bullet">
/// <item><c>{put, Key, Value}</c> → <c>ok</c>;</item>
/// <item><c>{get, Key}</c> → the value, or the atom <c>nil</c> (Elixir's <c>nil</c>) for a missing key.</item>
/// </list>
/// Keys and values are Erlang terms as the distribution maps them (docs/distribution.md): atoms
/// are <see cref="Atom"/>, tuples <see cref="ErlangTuple"/> or C# tuples, and keys compare with
/// <see cref="TermEquality"/> (<c>=:=</c>, as an Elixir map does), so the calls mean the same
/// whether they come from this node, from another C# node or from <c>iex</c>.
/// Any other call crashes the server, as a missing clause crashes the Elixir one.
/// </summary>
public sealed class MapServer : GenServer<KeyValueStore<object, object>>
{
    /// <summary>The registered name, <c>Elixir.KvStore.MapServer</c>.</summary>
    public const string Name = "Elixir.KvStore.MapServer";

    private static readonly Atom s_ok = new("ok");
    private static readonly Atom s_nil = new("nil");

    /// <summary>Starts the server linked to <paramref name="self"/> and registered as <see cref="Name"/>.</summary>
    /// <exception cref="StartFailedException"><c>{already_started, Pid}</c> when one is running.</exception>
    public static ValueTask<Pid> StartLinkAsync(Process self) => GenServer.StartLinkAsync(self, new MapServer(), Name);

    /// <summary>The lecture's <c>put(k, v)</c> on the local node: <c>GenServer.call(KvStore.MapServer, {:put, k, v})</c>.</summary>
    /// <returns>The atom <c>ok</c>.</returns>
    public static ValueTask<object> PutAsync(Process self, object key, object value) =>
        GenServer.CallAsync(self, Name, new ErlangTuple(new Atom("put"), key, value));

    /// <summary>The lecture's <c>get(k)</c> on the local node: <c>GenServer.call(KvStore.MapServer, {:get, k})</c>.</summary>
    /// <returns>The value, or the atom <c>nil</c>.</returns>
    public static ValueTask<object> GetAsync(Process self, object key) =>
        GenServer.CallAsync(self, Name, new ErlangTuple(new Atom("get"), key));

    /// <summary>The lecture's <c>put(node, k, v)</c>: <c>GenServer.call({KvStore.MapServer, node}, {:put, k, v})</c>,
    /// to the map server of another node (a C# node, or an Elixir node running the lecture's server).</summary>
    /// <param name="self">The calling process; its node must be distributed.</param>
    /// <param name="node">The other node's name, e.g. <c>ex@localhost</c>.</param>
    /// <param name="key">Any term.</param>
    /// <param name="value">Any term.</param>
    /// <returns>The atom <c>ok</c>.</returns>
    /// <exception cref="ExitException"><c>{{nodedown, Node}, ...}</c> when the node cannot be reached,
    /// <c>{noproc, ...}</c> when no map server runs there, <c>{timeout, ...}</c> after 5 s.</exception>
    public static ValueTask<object> PutAsync(Process self, string node, object key, object value) =>
        GenServer.CallAsync(self, Name, node, new ErlangTuple(new Atom("put"), key, value));

    /// <summary>The lecture's <c>get(node, k)</c>: <c>GenServer.call({KvStore.MapServer, node}, {:get, k})</c>.</summary>
    /// <returns>The value, or the atom <c>nil</c>.</returns>
    /// <exception cref="ExitException">As for <see cref="PutAsync(Process, string, object, object)"/>.</exception>
    public static ValueTask<object> GetAsync(Process self, string node, object key) =>
        GenServer.CallAsync(self, Name, node, new ErlangTuple(new Atom("get"), key));

    /// <inheritdoc/>
    protected override ValueTask<KeyValueStore<object, object>> InitAsync() =>
        ValueTask.FromResult(KeyValueStore<object, object>.New(TermEquality.Default));

    /// <inheritdoc/>
    protected override ValueTask<ServerResult<KeyValueStore<object, object>>> HandleCallAsync(object request, From from, KeyValueStore<object, object> map)
    {
        // A key or value can be any term, so the pure module's errors (a null key) cannot arise:
        // a missing key is nil, as Map.get/2 answers.
        switch (request)
        {
            case ITuple { Length: 3 } put when put[0] is Atom { Name: "put" } && put[1] is { } key && put[2] is { } value
                                               && map.Set(key, value) is KvResult<KeyValueStore<object, object>>.Ok stored:
                return Reply(s_ok, stored.Value);
            case ITuple { Length: 2 } get when get[0] is Atom { Name: "get" } && get[1] is { } key:
                return Reply(map.Get(key, s_nil) is KvResult<object>.Ok found ? found.Value : s_nil, map);
            default:
                return base.HandleCallAsync(request, from, map);
        }
    }
}
