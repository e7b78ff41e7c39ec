using Otp.Modules;

namespace Otp.Distribution;

/// <summary>
/// Erlang's <c>rpc:call/4,5</c> from C#: runs <c>Module:Function(Args...)</c> on a node (an
/// Erlang node, another C# node, or this one) and returns its value. As in OTP 25, the call is
/// made the <c>erpc</c> way: a process spawned on the node with <c>erpc:execute_call/4</c>
/// and monitored, whose exit reason carries the result.
/// </summary>
public static class Rpc
{
    private static readonly Atom s_erpc = new("erpc");
    private static readonly Atom s_executeCall = new("execute_call");
    private static readonly Atom s_executeCast = new("execute_cast");
    private static readonly Atom s_badrpc = new("badrpc");
    private static readonly Atom s_exit = new("EXIT");

    /// <summary>
    /// Erlang's <c>rpc:call(Node, Module, Function, Args, Timeout)</c>. Never throws for a failure
    /// on the other side; like <c>rpc:call</c> it returns it as a term: the value; a thrown value
    /// as is; <c>{badrpc, {'EXIT', Reason}}</c> for an exit; <c>{badrpc, {'EXIT', {Reason,
    /// Stack}}}</c> for an error (<c>{undef, [{M, F, Args, []}]}</c> for an unknown function);
    /// <c>{badrpc, nodedown}</c> when the node cannot be reached or goes down;
    /// <c>{badrpc, timeout}</c> after <paramref name="timeout"/> (default: wait for ever).
    /// </summary>
    public static async Task<object?> CallAsync(Process self, string node, Atom module, Atom function, IReadOnlyList<object?> args, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(self);
        ArgumentException.ThrowIfNullOrEmpty(node);
        ArgumentNullException.ThrowIfNull(args);
        var result = self.MakeRef();
        object?[] callArgs = [result, module, function, new ErlangList([.. args])];
        Pid pid;
        Ref monitor;
        if (node == self.Node.Name)
        {
            (pid, monitor) = self.SpawnMonitor(self.Node.Modules.Body(s_erpc, s_executeCall, callArgs));
        }
        else
        {
            var (spawned, request) = await self.SpawnRequestAsync(node, s_erpc, s_executeCall, callArgs, link: false, monitor: true).ConfigureAwait(true);
            if (spawned is not Pid p) return Bad(spawned is Atom { Name: "noconnection" } ? new Atom("nodedown") : spawned);
            (pid, monitor) = (p, request);
        }
        var down = await self.ReceiveReply(monitor, m => m is Down d && d.Ref.Equals(monitor), timeout ?? System.Threading.Timeout.InfiniteTimeSpan).ConfigureAwait(true);
        if (down is not Down { Reason: var reason })
        {
            self.Demonitor(monitor, flush: true);
            self.Exit(pid, ExitReason.Kill);
            return Bad(new Atom("timeout"));
        }
        return FromOutcome(result, reason.Term);
    }

    /// <summary>
    /// Erlang's <c>erpc:cast(Node, Module, Function, Args)</c> (and <c>rpc:cast/4</c>): starts
    /// <c>erpc:execute_cast(M, F, A)</c> on the node and returns at once. Nothing comes back:
    /// not the value, not a failure, and nothing when the node cannot be reached. What the call
    /// prints goes to this process's group leader, as for a spawn.
    /// </summary>
    public static void Cast(Process self, string node, Atom module, Atom function, IReadOnlyList<object?> args)
    {
        ArgumentNullException.ThrowIfNull(self);
        ArgumentException.ThrowIfNullOrEmpty(node);
        ArgumentNullException.ThrowIfNull(args);
        object?[] castArgs = [module, function, new ErlangList([.. args])];
        if (node == self.Node.Name)
        {
            self.Spawn(self.Node.Modules.Body(s_erpc, s_executeCast, castArgs));
            return;
        }
        self.Node.Remote?.SendSpawnRequest(self, node, self.MakeRef(), self.RemoteGroupLeader(), s_erpc, s_executeCast, castArgs,
            link: false, monitor: false, awaitReply: false);
    }

    /// <summary><see cref="CallAsync(Process, string, Atom, Atom, IReadOnlyList{object?}, TimeSpan?)"/>
    /// from outside any process.</summary>
    public static Task<object?> CallAsync(Node node, string target, Atom module, Atom function, IReadOnlyList<object?> args, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.RunAsync(self => CallAsync(self, target, module, function, args, timeout));
    }

    /// <summary>What <c>rpc:call</c> returns for an erpc outcome (the exit reason of
    /// <c>erpc:execute_call</c>).</summary>
    internal static object? FromOutcome(Ref result, object? outcome) => outcome switch
    {
        ErlangTuple { Length: 3 } t when result.Equals(t[0]) && t[1] is Atom { Name: "return" or "throw" } => t[2],
        ErlangTuple { Length: 3 } t when result.Equals(t[0]) && t[1] is Atom { Name: "exit" } => Bad(new ErlangTuple(s_exit, t[2])),
        ErlangTuple { Length: 4 } t when result.Equals(t[0]) && t[1] is Atom { Name: "error" } => Bad(new ErlangTuple(s_exit, new ErlangTuple(t[2], t[3]))),
        Atom { Name: "noconnection" } => Bad(new Atom("nodedown")),
        _ => Bad(new ErlangTuple(s_exit, outcome)),
    };

    private static ErlangTuple Bad(object? why) => new(s_badrpc, why);
}
