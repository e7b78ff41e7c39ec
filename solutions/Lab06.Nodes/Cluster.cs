using Otp;

namespace Lab06.Nodes;

/// <summary>Task 3: a cluster formed from a list of hosts, and a watcher that reports nodes
/// coming and going.</summary>
public static class Cluster
{
    private static readonly Atom s_nodeUp = new("nodeup");
    private static readonly Atom s_nodeDown = new("nodedown");

    /// <summary>Task 3: pings every node of <paramref name="hosts"/> from <paramref name="node"/>,
    /// one after the other in list order, skipping <paramref name="node"/> itself; returns the
    /// nodes that answered, in list order (Erlang's <c>net_adm:world_list/1</c>).</summary>
    public static async Task<IReadOnlyList<string>> JoinAsync(Node node, IReadOnlyList<string> hosts)
    {
        var reached = new List<string>();
        foreach (var host in hosts)
        {
            if (host == node.Name) continue;
            if (await node.PingAsync(host)) reached.Add(host);
        }
        return reached;
    }

    /// <summary>Task 3: spawns on <paramref name="node"/> a watcher that subscribes to every
    /// node coming up and going down, and for each sends <paramref name="report"/> the tuple
    /// <c>{nodeup | nodedown, WatcherNode, OtherNode}</c> (three atoms); it runs until killed.
    /// Returns the watcher's pid.</summary>
    public static Pid Watch(Node node, Pid report) => node.Spawn(async self =>
    {
        self.MonitorNodes();
        while (true)
        {
            var message = await self.Receive(m => m is (Atom { Name: "nodeup" or "nodedown" }, Atom));
            if (message is (Atom evt, Atom other))
                self.Send(report, new ErlangTuple(evt.Name == "nodeup" ? s_nodeUp : s_nodeDown, new Atom(self.Node.Name), other));
        }
    });
}
