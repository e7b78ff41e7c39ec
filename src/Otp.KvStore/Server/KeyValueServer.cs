using Otp.Behaviours;
using Otp.KvStore.Pure;

namespace Otp.KvStore.Server;

/// <summary>
/// The client functions of a <see cref="KeyValueServer{TValue}"/>: each is one
/// <see cref="GenServer.CallAsync(Process, Pid, object, TimeSpan?)"/>, and fails the way a call
/// fails (an <see cref="ExitException"/> with <c>noproc</c>, <c>timeout</c>, ...) when the server
/// cannot answer. An answer that is an error (a missing key) is a value, not an exception.
/// </summary>
public static class KeyValueServer
{
    /// <summary>Stores <paramref name="value"/> under <paramref name="key"/>.</summary>
    /// <returns>Null once stored, or the store's error (a null key).</returns>
    public static async ValueTask<KvError?> SetAsync<TValue>(Process self, Pid server, string key, TValue value) =>
        await GenServer.CallAsync(self, server, new SetRequest<TValue>(key, value)) as KvError;

    /// <summary>The value under <paramref name="key"/>, or <see cref="KvError.NotFound"/>.</summary>
    public static async ValueTask<KvResult<TValue>> GetAsync<TValue>(Process self, Pid server, string key) =>
        await GenServer.CallAsync<KvResult<TValue>>(self, server, new GetRequest(key));

    /// <summary>Removes <paramref name="key"/>; a key that is not there is not an error.</summary>
    /// <returns>Null once removed, or the store's error (a null key).</returns>
    public static async ValueTask<KvError?> DeleteAsync(Process self, Pid server, string key) =>
        await GenServer.CallAsync(self, server, new DeleteRequest(key)) as KvError;
}
