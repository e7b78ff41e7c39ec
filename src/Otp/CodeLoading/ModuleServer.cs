using Otp.Behaviours;

namespace Otp.CodeLoading;

/// <summary>
/// Runs an <see cref="IServerModule"/> as a process whose code can be upgraded while it runs,
/// keeping its state: the C# form of a <c>gen_server</c> upgraded with <c>sys:change_code</c>.
/// </summary>
/// <remarks>
/// <para>The server stays on the version it started in (its calls into the module are local
/// calls) until <see cref="ChangeCodeAsync"/> asks it to move. Then it makes the fully qualified
/// call: it enters the current version and hands its state to that version's
/// <see cref="IServerModule.CodeChange"/>. If the hook throws, the server stays on its version
/// with its state as it was, and the caller learns why.</para>
/// <para>This is stricter than <c>gen_server</c>, which calls the current version on every
/// request, and so is upgraded in Erlang by suspending the server around the load. Pinning the
/// version makes the two versions visible side by side, and makes an unsafe upgrade impossible to
/// do by accident.</para>
/// </remarks>
public static class ModuleServer
{
    private sealed record ChangeCode;
    private sealed record GetState;

    /// <summary>Starts a server running the current version of <paramref name="module"/>.</summary>
    /// <exception cref="UndefinedModuleException">The module is not loaded.</exception>
    public static Pid Start(Node node, string module, object? argument = null)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node.Code.Current(module) is null) throw new UndefinedModuleException($"start {module}: the module is not loaded");
        return node.Spawn(self => Loop(self, module, argument));
    }

    /// <summary>Sends <paramref name="request"/> to the server and waits for its reply.</summary>
    /// <exception cref="ExitException">The server ended first, or did not answer in time.</exception>
    public static async Task<object> CallAsync(Process self, Pid server, object request, TimeSpan? timeout = null) =>
        await GenServer.CallAsync(self, server, request, timeout);

    /// <summary>
    /// Asks the server to move onto the current version of its module, transforming its state with
    /// the new version's <see cref="IServerModule.CodeChange"/>.
    /// </summary>
    public static async Task<CodeChangeResult> ChangeCodeAsync(Process self, Pid server, TimeSpan? timeout = null) =>
        (CodeChangeResult)await GenServer.CallAsync(self, server, new ChangeCode(), timeout);

    /// <summary>The server's state and version, from outside (Erlang's <c>sys:get_state/1</c>).</summary>
    public static async Task<(int Version, object State)> GetStateAsync(Process self, Pid server, TimeSpan? timeout = null) =>
        ((int, object))await GenServer.CallAsync(self, server, new GetState(), timeout);

    private static async Task Loop(Process self, string module, object? argument)
    {
        var version = self.EnterModule(module);
        var callbacks = version.Create<IServerModule>();
        var state = callbacks.Init(argument);
        while (true)
        {
            var request = await self.Receive<GenCall>();
            switch (request.Request)
            {
                case GetState:
                    GenServer.Reply(self, request.From, (version.Number, state));
                    break;
                case ChangeCode:
                    var from = version;
                    var current = self.Node.Code.Current(module)!;
                    if (current == from)
                    {
                        GenServer.Reply(self, request.From, new CodeChangeResult(true, from.Number, from.Number, null));
                        break;
                    }
                    try
                    {
                        var next = current.Create<IServerModule>();
                        var migrated = next.CodeChange(from.Number, state);
                        version = self.EnterModule(module);
                        (callbacks, state) = (next, migrated);
                        GenServer.Reply(self, request.From, new CodeChangeResult(true, from.Number, version.Number, null));
                    }
                    catch (Exception ex) when (ex is not ExitException)
                    {
                        GenServer.Reply(self, request.From, new CodeChangeResult(false, from.Number, current.Number, $"{ex.GetType().Name}: {ex.Message}"));
                    }
                    break;
                default:
                    var (reply, next2) = callbacks.HandleCall(request.Request, state);
                    state = next2;
                    GenServer.Reply(self, request.From, reply ?? new Atom("undefined"));
                    break;
            }
        }
    }
}
