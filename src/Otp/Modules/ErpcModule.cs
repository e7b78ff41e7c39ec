using Otp.Distribution;

namespace Otp.Modules;

/// <summary>
/// The server side of Erlang's <c>erpc</c>, which <c>erpc:call</c>, <c>rpc:call</c> (OTP 25 and
/// later) and <c>rpc:cast</c> reach by spawning <c>erpc:execute_call/4</c> or
/// <c>execute_cast/3</c> on the called node. The result of a call travels as the spawned
/// process's exit reason, which the caller's monitor delivers:
/// <c>{Ref, return, Value}</c>, <c>{Ref, exit, Reason}</c> or <c>{Ref, error, Reason, Stack}</c>.
/// </summary>
[ErlangModule("erpc")]
internal static class ErpcModule
{
    private static readonly Atom s_return = new("return");
    private static readonly Atom s_exit = new("exit");
    private static readonly Atom s_error = new("error");

    /// <summary><c>erpc:execute_call/4</c>: applies and exits with the outcome.</summary>
    [ErlangFunction("execute_call")]
    public static async Task ExecuteCall(Process self, object reference, Atom module, Atom function, ErlangList args)
    {
        var outcome = await Outcome(self, reference, module, function, args).ConfigureAwait(true);
        self.Exit(new ExitReason(outcome));
    }

    /// <summary><c>erpc:execute_cast/3</c>: applies and ends; nobody waits for the result.</summary>
    [ErlangFunction("execute_cast")]
    public static Task ExecuteCast(Process self, Atom module, Atom function, ErlangList args) =>
        self.Node.Modules.ApplyAsync(self, module, function, [.. args]);

    /// <summary>The outcome of <c>apply(M, F, A)</c> in erpc's shape.</summary>
    internal static async Task<ErlangTuple> Outcome(Process self, object reference, Atom module, Atom function, ErlangList args)
    {
        try
        {
            var value = await self.Node.Modules.ApplyAsync(self, module, function, [.. args]).ConfigureAwait(true);
            return new ErlangTuple(reference, s_return, value);
        }
        catch (ExitException e) when (!self.HasExited)
        {
            return new ErlangTuple(reference, s_exit, NodeDistribution.ReasonTerm(e.Reason));
        }
        catch (ModuleCallException e)
        {
            return new ErlangTuple(reference, s_error, e.Reason, e.Stack);
        }
        catch (Exception e) when (e is not ExitException)
        {
            // A C# error is reported as Erlang reports a crash: the reason (its error atom, or the
            // exception's name and message) and the call as the only stack frame.
            var reason = e is ErlangErrorException ee ? ee.Reason : NodeDistribution.ReasonTerm(ExitReason.Error(e));
            var stack = new ErlangList(new ErlangTuple(module, function, args.Count, ErlangList.Nil));
            return new ErlangTuple(reference, s_error, reason, stack);
        }
    }
}
