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
    public static async Task<Pid> StartAsync(Process self)
    {
        var parent = self.Self;
        var server = self.Spawn(async me =>
        {
            me.Register(ServerName);
            Ets.New(me, TableName, new TableOptions { Named = true, Access = TableAccess.Protected });
            me.Send(parent, "cache_ready");
            await ServeAsync(me);
        });
        await self.Receive(m => m is "cache_ready");
        return server;
    }

    /// <summary>Task 1: stores <paramref name="value"/> through the server and waits for
    /// <see cref="Stored"/>. Writes go through the owner: the table is protected.</summary>
    public static async Task PutAsync(Process self, string key, string value)
    {
        self.Send(ServerName, new Put(self.Self, key, value));
        await self.Receive<Stored>(s => s.Key == key);
    }

    /// <summary>Task 1: reads <paramref name="key"/> straight from the table, without a message
    /// to the server; null when the key is not there.</summary>
    public static string? Get(Process self, string key) =>
        Ets.Lookup(self, TableName, key) is [var obj] ? (string?)obj[1] : null;

    /// <summary>
    /// Task 2: spawns a keeper (registered as <see cref="KeeperName"/>) that starts the cache
    /// server with itself as the table's heir. Each time the server dies, the keeper inherits the
    /// table, starts a new server and gives the table to it, so no stored value is lost.
    /// Returns the keeper's pid once the first server's table exists.
    /// </summary>
    public static async Task<Pid> StartWithHeirAsync(Process self)
    {
        var parent = self.Self;
        var keeper = self.Spawn(async keeper =>
        {
            keeper.Register(KeeperName);
            var me = keeper.Self;
            var first = keeper.Spawn(async server =>
            {
                server.Register(ServerName);
                Ets.New(server, TableName, new TableOptions { Named = true, Heir = me, HeirData = new Atom("cache") });
                server.Send(me, "cache_ready");
                await ServeAsync(server);
            });
            var watch = keeper.Monitor(first);
            await keeper.Receive(m => m is "cache_ready");
            keeper.Send(parent, "cache_ready");
            while (true)
            {
                // The table comes back before the DOWN: the runtime hands a dead owner's tables
                // to their heir first, as the BEAM does.
                var inherited = await keeper.Receive<EtsTransfer>();
                var current = watch;
                await keeper.Receive<Down>(d => d.Ref.Equals(current));
                var next = keeper.Spawn(async server =>
                {
                    server.Register(ServerName);
                    await server.Receive<EtsTransfer>();
                    await ServeAsync(server);
                });
                watch = keeper.Monitor(next);
                Ets.GiveAway(keeper, inherited.Table, next, new Atom("cache"));
            }
        });
        await self.Receive(m => m is "cache_ready");
        return keeper;
    }

    private static async Task ServeAsync(Process me)
    {
        while (true)
        {
            switch (await me.Receive())
            {
                case Put put:
                    Ets.Insert(me, TableName, (put.Key, put.Value));
                    me.Send(put.From, new Stored(put.Key));
                    break;
                case Crash:
                    throw new InvalidOperationException("the cache server crashed, as it was told to");
            }
        }
    }
}
