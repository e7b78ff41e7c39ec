namespace Otp.CodeLoading;

/// <summary>Erlang's <c>undef</c> error: a call names a module that is not loaded, or a function
/// the module does not export.</summary>
public sealed class UndefinedModuleException(string message) : ErlangErrorException(new Atom("undef"), message);
