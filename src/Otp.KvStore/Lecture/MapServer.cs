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
/// whether they come from this node or, once cross-node calls reach a GenServer, from <c>iex</c>.
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
