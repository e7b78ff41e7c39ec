namespace Otp.Modules;

/// <summary>
/// Marks a static class as a module that other nodes (and <see cref="ModuleRegistry.ApplyAsync"/>)
/// can call by name, as Erlang calls <c>Module:Function(Args...)</c>. Its public static methods are
/// its exported functions.
/// </summary>
/// <param name="name">The module's atom, for example <c>"tut17"</c>.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ErlangModuleAttribute(string name) : Attribute
{
    /// <summary>The module's name as Erlang spells it.</summary>
    public string Name { get; } = name;
}
