namespace Otp.Modules;

/// <summary>
/// A call to a module function that cannot run: Erlang's <c>undef</c> (the module is not
/// registered on the node, or does not export the function with that many arguments) or
/// <c>function_clause</c> (an argument does not fit the C# parameter's type). A process ended by
/// it exits with <see cref="ExitTerm"/>, <c>{undef, [{Module, Function, Args, []}]}</c>, exactly
/// the reason a BEAM process gets.
/// </summary>
public sealed class ModuleCallException : ErlangErrorException
{
    private readonly object?[] _callers;

    private ModuleCallException(Atom reason, Atom module, Atom function, IReadOnlyList<object?> args, string message, object?[]? callers = null)
        : base(reason, message)
    {
        Module = module;
        Function = function;
        Arguments = args;
        _callers = callers ?? [];
    }

    /// <summary>The same error seen from a caller one level up, as a built-in such as
    /// <c>erlang:apply/3</c> adds its own <c>{erlang, apply, 3, []}</c> frame to the stack.</summary>
    internal ModuleCallException CalledFrom(ErlangTuple frame) =>
        new(Reason, Module, Function, Arguments, Message, [.. _callers, frame]);

    /// <summary>Erlang's <c>undef</c> for the call <c>Module:Function(Args...)</c>.</summary>
    public static ModuleCallException Undef(Atom module, Atom function, IReadOnlyList<object?> args) =>
        new(new Atom("undef"), module, function, args,
            $"undef: {module}:{function}/{args.Count} is not exported (is module '{module.Name}' registered on this node?)");

    /// <summary>Erlang's <c>function_clause</c>: argument <paramref name="index"/> (from 1) has no
    /// C# form that the function accepts.</summary>
    public static ModuleCallException FunctionClause(Atom module, Atom function, IReadOnlyList<object?> args, int index, Type wanted) =>
        new(new Atom("function_clause"), module, function, args,
            $"function_clause: argument {index} of {module}:{function}/{args.Count}, {Terms.Term.Format(args[index - 1])}, is not a {wanted.Name}");

    /// <summary>The module called.</summary>
    public Atom Module { get; }

    /// <summary>The function called.</summary>
    public Atom Function { get; }

    /// <summary>The arguments it was called with.</summary>
    public IReadOnlyList<object?> Arguments { get; }

    /// <summary>The stack Erlang reports with these errors: <c>[{Module, Function, Args, []}]</c>,
    /// then the frames of built-ins it passed through.</summary>
    public ErlangList Stack => new([new ErlangTuple(Module, Function, new ErlangList([.. Arguments]), ErlangList.Nil), .. _callers]);

    /// <summary>The exit reason of a process ended by this error: <c>{Reason, Stack}</c>.</summary>
    public ErlangTuple ExitTerm => new(Reason, Stack);
}
