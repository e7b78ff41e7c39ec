namespace Otp.Behaviours;

// Every "from outside a process" overload of the behaviours lives in this file. Code that is not
// a process (a test, a notebook cell, Main) has no Process to pass, so each overload runs the
// process version in a short-lived process of the node, through Outside.Run, and adds nothing
// else: the rules (validation, failure reasons) are written once, in the process version.

/// <summary>Runs one behaviour call in a short-lived process of a node.</summary>
internal static class Outside
{
    public static Task<T> Run<T>(Node node, Func<Process, ValueTask<T>> call)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.RunAsync(async self => await call(self));
    }

    public static Task Run(Node node, Func<Process, ValueTask> call)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.RunAsync(async self => await call(self));
    }
}

public static partial class GenServer
{
    /// <summary><see cref="StartAsync{TState}(Process, GenServer{TState}, string?)"/> from outside
    /// any process (a test, a notebook cell): the server is unlinked.</summary>
    public static Task<Pid> StartAsync<TState>(Node node, GenServer<TState> server, string? name = null) =>
        Outside.Run(node, self => StartAsync(self, server, name));

    /// <summary><see cref="CallAsync(Process, Pid, object, TimeSpan?)"/> from outside any process.</summary>
    public static Task<object> CallAsync(Node node, Pid server, object request, TimeSpan? timeout = null) =>
        Outside.Run(node, self => CallAsync(self, server, request, timeout));

    /// <summary><see cref="CallAsync(Process, string, object, TimeSpan?)"/> from outside any process.</summary>
    public static Task<object> CallAsync(Node node, string name, object request, TimeSpan? timeout = null) =>
        Outside.Run(node, self => CallAsync(self, name, request, timeout));

    /// <summary><see cref="Cast(Process, Pid, object)"/> from outside any process: sent by the
    /// node itself, as no reply is awaited.</summary>
    public static void Cast(Node node, Pid server, object request)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(request);
        server = node.Address(server);
        node.Send(server, server.IsLocal ? new GenCast(request) : new ErlangTuple(s_genCast, request));
    }

    /// <summary><see cref="StopAsync(Process, Pid, ExitReason?, TimeSpan?)"/> from outside any process.</summary>
    public static Task StopAsync(Node node, Pid server, ExitReason? reason = null, TimeSpan? timeout = null) =>
        Outside.Run(node, self => StopAsync(self, server, reason, timeout));
}

public static partial class Supervisor
{
    /// <summary><see cref="StartAsync(Process, SupervisorSpec, string?)"/> from outside any
    /// process: the supervisor is unlinked, and its spec is checked as for any start.</summary>
    public static Task<Pid> StartAsync(Node node, SupervisorSpec spec, string? name = null) =>
        Outside.Run(node, self => StartAsync(self, spec, name));

    /// <summary><see cref="WhichChildrenAsync(Process, Pid)"/> from outside any process.</summary>
    public static Task<IReadOnlyList<ChildInfo>> WhichChildrenAsync(Node node, Pid supervisor) =>
        Outside.Run(node, self => WhichChildrenAsync(self, supervisor));
}

public sealed partial record SupervisionTree
{
    /// <summary><see cref="ReadAsync(Process, Pid, string)"/> from outside any process.</summary>
    public static Task<SupervisionTree> ReadAsync(Node node, Pid supervisor, string label = "sup") =>
        Outside.Run(node, self => ReadAsync(self, supervisor, label));
}

public static partial class StateMachine
{
    /// <summary><see cref="StartAsync{TState, TData}(Process, StateMachine{TState, TData}, string?)"/>
    /// from outside any process: the machine is unlinked.</summary>
    public static Task<Pid> StartAsync<TState, TData>(Node node, StateMachine<TState, TData> machine, string? name = null) where TState : notnull =>
        Outside.Run(node, self => StartAsync(self, machine, name));

    /// <summary><see cref="Cast(Process, Pid, object)"/> from outside any process.</summary>
    public static void Cast(Node node, Pid machine, object content) => GenServer.Cast(node, machine, content);

    /// <summary><see cref="Cast(Process, string, object)"/> from outside any process.</summary>
    public static void Cast(Node node, string name, object content)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node.WhereIs(name) is { } pid) GenServer.Cast(node, pid, content);
    }

    /// <summary><see cref="CallAsync(Process, Pid, object, TimeSpan?)"/> from outside any process.</summary>
    public static Task<object> CallAsync(Node node, Pid machine, object request, TimeSpan? timeout = null) =>
        Outside.Run(node, async self => await CallAsync(self, machine, request, timeout));

    /// <summary><see cref="CallAsync(Process, string, object, TimeSpan?)"/> from outside any process.</summary>
    public static Task<object> CallAsync(Node node, string name, object request, TimeSpan? timeout = null) =>
        Outside.Run(node, async self => await CallAsync(self, name, request, timeout));

    /// <summary><see cref="GetStateAsync{TState, TData}(Process, Pid, TimeSpan?)"/> from outside any process.</summary>
    public static Task<(TState State, TData Data)> GetStateAsync<TState, TData>(Node node, Pid machine, TimeSpan? timeout = null) =>
        Outside.Run(node, async self => await GetStateAsync<TState, TData>(self, machine, timeout));

    /// <summary><see cref="GetStateAsync{TState, TData}(Process, string, TimeSpan?)"/> from outside any process.</summary>
    public static Task<(TState State, TData Data)> GetStateAsync<TState, TData>(Node node, string name, TimeSpan? timeout = null) =>
        Outside.Run(node, async self => await GetStateAsync<TState, TData>(self, name, timeout));

    /// <summary><see cref="StopAsync(Process, Pid, ExitReason?, TimeSpan?)"/> from outside any process.</summary>
    public static Task StopAsync(Node node, Pid machine, ExitReason? reason = null, TimeSpan? timeout = null) =>
        Outside.Run(node, async self => await StopAsync(self, machine, reason, timeout));

    /// <summary><see cref="StopAsync(Process, string, ExitReason?, TimeSpan?)"/> from outside any process.</summary>
    public static Task StopAsync(Node node, string name, ExitReason? reason = null, TimeSpan? timeout = null) =>
        Outside.Run(node, async self => await StopAsync(self, name, reason, timeout));
}
