namespace Otp.CodeLoading;

/// <summary>The process side of code loading.</summary>
public static class ProcessCodeExtensions
{
    /// <summary>
    /// A fully qualified call, Erlang's <c>counter:loop(State)</c> (or <c>?MODULE:loop(State)</c>):
    /// returns the current version of <paramref name="module"/> and records that this process now
    /// runs it, leaving the version it ran before. Keep using the returned version for "local
    /// calls"; call this again where the process should pick up new code.
    /// </summary>
    /// <exception cref="UndefinedModuleException">The module is not loaded (Erlang's <c>undef</c>).</exception>
    public static ModuleVersion EnterModule(this Process self, string module)
    {
        ArgumentNullException.ThrowIfNull(self);
        return self.Node.Code.Enter(self, module);
    }
}
