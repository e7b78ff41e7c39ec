using Otp.Modules;

namespace Otp;

public sealed partial class Node
{
    private ModuleRegistry? _modules;
    private readonly TaskCompletionSource<int> _stopRequested = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The C# modules this node runs by name: for <c>spawn(Node, M, F, A)</c>,
    /// <c>rpc:call</c> and <c>erpc:call</c> from other nodes, and for
    /// <see cref="ModuleRegistry.ApplyAsync"/> here. Starts with the built-in modules.</summary>
    public ModuleRegistry Modules => LazyInitializer.EnsureInitialized(ref _modules, () => new ModuleRegistry());

    /// <summary>Completes with an exit status when something asked this node to stop:
    /// <c>init:stop/0,1</c> or <c>erlang:halt/0,1</c>, called here or from another node. The node
    /// does not stop by itself; its host (the command-line node) disposes it.</summary>
    public Task<int> StopRequested => _stopRequested.Task;

    /// <summary>Asks the node's host to stop it (see <see cref="StopRequested"/>); the first
    /// request's status wins.</summary>
    public void RequestStop(int status = 0) => _stopRequested.TrySetResult(status);
}
