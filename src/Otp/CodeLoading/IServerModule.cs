namespace Otp.CodeLoading;

/// <summary>
/// The contract of a loadable server module, in the spirit of a <c>gen_server</c> callback
/// module: a request handler plus a code-change hook. Each version of the module has one public
/// class implementing it; <see cref="ModuleServer"/> runs it.
/// </summary>
/// <remarks>State crosses versions, so keep it in types every version shares (numbers, strings,
/// BCL collections, records defined outside the module). A state object of a type defined in an
/// old version keeps that version's code alive until <see cref="CodeChange"/> replaces it.</remarks>
public interface IServerModule
{
    /// <summary>The server's first state (Erlang's <c>init/1</c>).</summary>
    object Init(object? argument);

    /// <summary>Handles one request: the reply and the next state (Erlang's <c>handle_call/3</c>).</summary>
    (object? Reply, object State) HandleCall(object request, object state);

    /// <summary>
    /// Turns the state a previous version left into this version's state (Erlang's
    /// <c>code_change/3</c>), when a running server moves onto this version. Throw to refuse: the
    /// server then stays on its version with its state untouched.
    /// </summary>
    /// <param name="fromVersion">The <see cref="ModuleVersion.Number"/> the server is leaving.</param>
    /// <param name="state">The state as that version left it.</param>
    object CodeChange(int fromVersion, object state);
}
