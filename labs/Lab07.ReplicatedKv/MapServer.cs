using Otp;

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
    public static Task<Pid> StartAsync(Process self) =>
        throw new NotImplementedException("Task 3 is not written yet: see README, task 3");

    /// <summary>Task 3: the lecture's <c>put(node, k, v)</c>: calls <c>{put, K, V}</c> on the map
    /// server of <paramref name="node"/> and returns its reply (the atom <c>ok</c>). A failed
    /// call throws its <see cref="ExitException"/>.</summary>
    public static Task<object> PutAsync(Process self, string node, object key, object value) =>
        throw new NotImplementedException("Task 3 is not written yet: see README, task 3");

    /// <summary>Task 3: the lecture's <c>get(node, k)</c>: calls <c>{get, K}</c> on the map server
    /// of <paramref name="node"/> and returns the value, or the atom <c>nil</c>.</summary>
    public static Task<object> GetAsync(Process self, string node, object key) =>
        throw new NotImplementedException("Task 3 is not written yet: see README, task 3");
}
