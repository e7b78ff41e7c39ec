using System.Runtime.CompilerServices;
using Otp.Behaviours;

namespace Otp.KvStore.Namespaces;

/// <summary>
/// One store per namespace: a supervisor starts a namespace's <see cref="Server.KeyValueServer{TValue}"/>
/// the first time the namespace is used, registered under <see cref="StoreName"/>, and restarts it
/// if it crashes. <see cref="StoreOfAsync{TValue}"/> finds it, starting it if needed.
/// </summary>
/// <remarks>
/// <para><b>Why two first writers cannot make two stores.</b> akvs keeps namespaces in a lookup
/// table that a writer checks and then fills, so two writers that both find the table empty both
/// start a store, and one of them writes into a store nobody finds again. Here the check and the
/// start are not the caller's: a store is started only by the supervisor's
/// <c>start_child</c>, which handles one request at a time, with the namespace as the child's
/// id. The second of two concurrent first writers reaches the supervisor after the first store is
/// running and gets <c>{already_started, Pid}</c>, the first store's pid. This is Erlang's idiom
/// for "start unless running". The registered name (claimed atomically by <c>register/2</c>)
/// only makes later lookups fast.</para>
/// </remarks>
public static class NamespaceSupervisor
{
    private const int Attempts = 5;

    /// <summary>The name a namespace's store is registered under: <c>kv_store:NAMESPACE</c>.</summary>
    public static string StoreName(string ns) => $"kv_store:{ns}";

    /// <summary>
    /// Starts the (empty) supervisor of the namespace stores, linked to <paramref name="self"/>.
    /// </summary>
    /// <param name="self">The starting process (its parent).</param>
    /// <param name="name">Register the supervisor under this name (optional).</param>
    /// <returns>The supervisor's pid, to pass to <see cref="StoreOfAsync{TValue}"/>.</returns>
    public static ValueTask<Pid> StartLinkAsync(Process self, string? name = null) =>
        Supervisor.StartLinkAsync(self, Spec, name);

    /// <summary>As <see cref="StartLinkAsync"/>, without a link.</summary>
    public static ValueTask<Pid> StartAsync(Process self, string? name = null) =>
        Supervisor.StartAsync(self, Spec, name);

    // A crashing store is restarted empty (the state was in memory); ten crashes in ten seconds
    // mean something is wrong beyond one namespace, and the supervisor gives up.
    private static SupervisorSpec Spec => new(RestartStrategy.OneForOne, []) { Intensity = 10, Period = TimeSpan.FromSeconds(10) };

    /// <summary>
    /// The store of <paramref name="ns"/>: the running one, or one started now under
    /// <paramref name="supervisor"/>. Concurrent callers for a new namespace all get the same pid.
    /// </summary>
    /// <exception cref="ArgumentException">The namespace is null or empty.</exception>
    /// <exception cref="StartFailedException">The store did not start, or (after a few tries) was
    /// restarting the whole time.</exception>
    public static async ValueTask<Pid> StoreOfAsync<TValue>(Process self, Pid supervisor, string ns)
    {
        ArgumentException.ThrowIfNullOrEmpty(ns);
        var name = StoreName(ns);
        StartFailedException? last = null;
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            if (self.Node.WhereIs(name) is { } running) return running;
            var child = new ChildSpec(ns, parent => GenServer.StartLinkAsync(parent, new Server.KeyValueServer<TValue>(), name));
            try
            {
                return await Supervisor.StartChildAsync(self, supervisor, child);
            }
            catch (StartFailedException e) when (e.Reason.Term is ITuple { Length: 2 } t && t[0] is Atom { Name: "already_started" } && t[1] is Pid first)
            {
                return first;
            }
            catch (StartFailedException e) when (e.Reason.Term is Atom { Name: "already_present" })
            {
                // Known to the supervisor but not running: it is being restarted. Look again shortly.
                last = e;
                await self.Sleep(TimeSpan.FromMilliseconds(10));
            }
        }
        throw last!;
    }
}
