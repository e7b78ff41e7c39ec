using Otp;
using Otp.Behaviours;

namespace Lab07.ReplicatedKv;

/// <summary>Task 2: a server around the pure module. Its state is the latest <see cref="KvStore"/>;
/// each request is answered with what the module returned.</summary>
public sealed class StoreServer : GenServer<KvStore>
{
    /// <summary>Given: set a value; the reply is the atom <c>ok</c> or the <see cref="KvError"/>.</summary>
    public sealed record Set(string Key, string Value);

    /// <summary>Given: read a value; the reply is a <see cref="KvResult{T}"/> of string.</summary>
    public sealed record Get(string Key);

    /// <summary>Given: delete a key; the reply is the atom <c>ok</c> or the <see cref="KvError"/>.</summary>
    public sealed record Delete(string Key);

    /// <summary>Task 2: the server starts with an empty store.</summary>
    protected override ValueTask<KvStore> InitAsync() =>
        throw new NotImplementedException("Task 2 is not written yet: see README, task 2");

    /// <summary>Task 2: answers <see cref="Set"/>, <see cref="Get"/> and <see cref="Delete"/>.</summary>
    protected override ValueTask<ServerResult<KvStore>> HandleCallAsync(object request, From from, KvStore store) =>
        throw new NotImplementedException("Task 2 is not written yet: see README, task 2");
}
