using Lab07.ReplicatedKv;
using Otp;
using Otp.Behaviours;

namespace Labs.Alternatives.Tests.Lab07;

/// <summary>A wrong answer to lab 7, task 2: akvs's lookup, "if no store is registered for the
/// namespace, start one and register it". Two first writers can both find nothing and both start
/// a store; the one that loses the registration writes into a store nobody finds again.</summary>
public static class CheckThenStartNamespaces
{
    /// <summary>The store of <paramref name="ns"/>, with the race.</summary>
    public static async Task<Pid> StoreAsync(Process self, string ns)
    {
        var name = Namespaces.StorePrefix + ns;
        if (self.Node.WhereIs(name) is { } running) return running;
        var supervisor = self.Node.WhereIs(Namespaces.SupervisorName)!;
        // A fresh id each time, so the supervisor never sees two requests for one namespace.
        var pid = await Supervisor.StartChildAsync(self, supervisor,
            new ChildSpec($"{ns}-{self.Self}", s => GenServer.StartLinkAsync(s, new StoreServer())));
        try { self.Node.Register(name, pid); }
        catch (BadArgException) { /* someone registered first: carry on with our own store */ }
        return pid;
    }

    /// <summary>Sets a key in the store <see cref="StoreAsync"/> found.</summary>
    public static async Task<KvError?> SetAsync(Process self, string ns, string key, string value) =>
        await GenServer.CallAsync(self, await StoreAsync(self, ns), new StoreServer.Set(key, value)) as KvError;
}
