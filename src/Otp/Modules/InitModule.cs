namespace Otp.Modules;

/// <summary>Erlang's <c>init:stop/0,1</c>: asks the node to stop, and returns <c>ok</c> at once, as
/// <c>init:stop</c> does (the stop itself happens after the call has answered).</summary>
[ErlangModule("init")]
internal static class InitModule
{
    /// <summary><c>init:stop/0</c>.</summary>
    public static Atom Stop(Process self) => Stop(self, 0);

    /// <summary><c>init:stop/1</c> with an exit status.</summary>
    public static Atom Stop(Process self, int status)
    {
        self.Node.RequestStop(status);
        return new Atom("ok");
    }
}
