using Otp;
using Otp.Tables;

namespace Lab09.Tables;

/// <summary>Tasks 1 and 2: a cache whose table belongs to a server, and survives the server's
/// crash through an heir.</summary>
public static class Cache
{
    /// <summary>The name the cache server is registered under.</summary>
    public const string ServerName = "cache_server";

    /// <summary>The name the keeper of Task 2 is registered under.</summary>
    public const string KeeperName = "cache_keeper";

    /// <summary>The name of the cache's table (a named table).</summary>
    public static Atom TableName { get; } = new("cache");

    /// <summary>
    /// Task 1: spawns the cache server (linked to nobody), registered as <see cref="ServerName"/>.
    /// It creates the protected, named set <see cref="TableName"/> and owns it; it answers
    /// <see cref="Put"/> by inserting <c>{Key, Value}</c> and replying <see cref="Stored"/>, and
    /// crashes on <see cref="Crash"/>. Returns its pid once the table exists.
    /// </summary>
    public static Task<Pid> StartAsync(Process self) =>
        throw new NotImplementedException("Task 1 is not written yet: see README, task 1");

    /// <summary>Task 1: stores <paramref name="value"/> through the server and waits for
    /// <see cref="Stored"/>. Writes go through the owner: the table is protected.</summary>
    public static Task PutAsync(Process self, string key, string value) =>
        throw new NotImplementedException("Task 1 is not written yet: see README, task 1");

    /// <summary>Task 1: reads <paramref name="key"/> straight from the table, without a message
    /// to the server; null when the key is not there.</summary>
    public static string? Get(Process self, string key) =>
        throw new NotImplementedException("Task 1 is not written yet: see README, task 1");

    /// <summary>
    /// Task 2: spawns a keeper (registered as <see cref="KeeperName"/>) that starts the cache
    /// server with itself as the table's heir. Each time the server dies, the keeper inherits the
    /// table, starts a new server and gives the table to it, so no stored value is lost.
    /// Returns the keeper's pid once the first server's table exists.
    /// </summary>
    public static Task<Pid> StartWithHeirAsync(Process self) =>
        throw new NotImplementedException("Task 2 is not written yet: see README, task 2");
}
