namespace Otp.Modules;

/// <summary>
/// Gives a module function its Erlang name when the default (the method name in snake_case:
/// <c>StartPong</c> becomes <c>start_pong</c>) is not the one wanted.
/// </summary>
/// <param name="name">The function's atom, for example <c>"execute_call"</c>.</param>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class ErlangFunctionAttribute(string name) : Attribute
{
    /// <summary>The function's name as Erlang spells it.</summary>
    public string Name { get; } = name;
}
