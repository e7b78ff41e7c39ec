using Otp;

namespace Lab06.Nodes;

/// <summary>Task 3: a cluster formed from a list of hosts, and a watcher that reports nodes
/// coming and going.</summary>
public static class Cluster
{
    /// <summary>Task 3: pings every node of <paramref name="hosts"/> from <paramref name="node"/>,
    /// one after the other in list order, skipping <paramref name="node"/> itself; returns the
    /// nodes that answered, in list order (Erlang's <c>net_adm:world_list/1</c>).</summary>
    public static Task<IReadOnlyList<string>> JoinAsync(Node node, IReadOnlyList<string> hosts) =>
        throw new NotImplementedException("Task 3 is not written yet: see README, task 3");

    /// <summary>Task 3: spawns on <paramref name="node"/> a watcher that subscribes to every
    /// node coming up and going down, and for each sends <paramref name="report"/> the tuple
    /// <c>{nodeup | nodedown, WatcherNode, OtherNode}</c> (three atoms); it runs until killed.
    /// Returns the watcher's pid.</summary>
    public static Pid Watch(Node node, Pid report) =>
        throw new NotImplementedException("Task 3 is not written yet: see README, task 3");
}
