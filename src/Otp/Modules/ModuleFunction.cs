using System.Reflection;
using Otp.Distribution.Terms;

namespace Otp.Modules;

/// <summary>
/// One exported function of a module: a public static C# method, callable by module name,
/// function name and argument list. A first parameter of type <see cref="Process"/> receives the
/// calling process and does not count towards the arity; every other parameter takes one
/// argument, converted from the term as docs/distribution.md's mapping says (an integer for an
/// <c>int</c>, a code-point list or binary for a <c>string</c>, any term for <c>object</c>).
/// </summary>
public sealed class ModuleFunction
{
    private static readonly Atom s_ok = new("ok");
    private readonly ParameterInfo[] _parameters;
    private readonly bool _takesProcess;

    internal ModuleFunction(Atom module, Atom name, MethodInfo method)
    {
        Module = module;
        Name = name;
        Method = method;
        var all = method.GetParameters();
        _takesProcess = all.Length > 0 && all[0].ParameterType == typeof(Process);
        _parameters = _takesProcess ? all[1..] : all;
    }

    /// <summary>The module's atom.</summary>
    public Atom Module { get; }

    /// <summary>The function's atom.</summary>
    public Atom Name { get; }

    /// <summary>How many arguments it takes (the <see cref="Process"/> parameter not counted).</summary>
    public int Arity => _parameters.Length;

    /// <summary>The C# method behind it.</summary>
    public MethodInfo Method { get; }

    /// <summary>Erlang's <c>Module:Function/Arity</c>.</summary>
    public override string ToString() => $"{Module}:{Name}/{Arity}";

    /// <summary>
    /// Calls the function in <paramref name="self"/> and returns what it returns: the value of a
    /// <c>Task&lt;T&gt;</c> or <c>ValueTask&lt;T&gt;</c> once awaited, <c>ok</c> for
    /// <c>void</c>, <c>Task</c> and <c>ValueTask</c> (Erlang functions always return something).
    /// </summary>
    /// <exception cref="ModuleCallException"><c>undef</c> for a wrong number of arguments,
    /// <c>function_clause</c> for an argument that does not convert.</exception>
    public async Task<object?> InvokeAsync(Process self, IReadOnlyList<object?> args)
    {
        ArgumentNullException.ThrowIfNull(self);
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count != Arity) throw ModuleCallException.Undef(Module, Name, args);
        var values = new object?[_parameters.Length + (_takesProcess ? 1 : 0)];
        var offset = 0;
        if (_takesProcess) values[offset++] = self;
        for (var i = 0; i < _parameters.Length; i++)
        {
            var wanted = _parameters[i].ParameterType;
            if (!TryConvert(args[i], wanted, out var value)) throw ModuleCallException.FunctionClause(Module, Name, args, i + 1, wanted);
            values[offset + i] = value;
        }
        // DoNotWrapExceptions: an exception of the function is the process's exception, not a
        // TargetInvocationException around it.
        var returned = Method.Invoke(null, BindingFlags.DoNotWrapExceptions, binder: null, values, culture: null);
        return await Unwrap(returned).ConfigureAwait(true);
    }

    private async Task<object?> Unwrap(object? returned)
    {
        if (Method.ReturnType == typeof(void)) return s_ok;
        switch (returned)
        {
            case Task task:
                await task.ConfigureAwait(true);
                return Method.ReturnType.IsGenericType ? Method.ReturnType.GetProperty("Result")!.GetValue(task) : s_ok;
            case ValueTask vt:
                await vt.ConfigureAwait(true);
                return s_ok;
            case not null when Method.ReturnType.IsGenericType && Method.ReturnType.GetGenericTypeDefinition() == typeof(ValueTask<>):
                var asTask = (Task)Method.ReturnType.GetMethod("AsTask")!.Invoke(returned, null)!;
                await asTask.ConfigureAwait(true);
                return asTask.GetType().GetProperty("Result")!.GetValue(asTask);
            default:
                return returned;
        }
    }

    private static bool TryConvert(object? term, Type wanted, out object? value)
    {
        if (wanted == typeof(object)) { value = term; return true; }
        if ((wanted == typeof(IReadOnlyList<string>) || wanted == typeof(string[])) && term is ErlangList list)
        {
            // erl -run passes its arguments as a list of strings.
            var texts = new string[list.Count];
            for (var i = 0; i < texts.Length; i++)
            {
                if (!TermConvert.TryConvert(list[i], typeof(string), out var s) || s is null) { value = null; return false; }
                texts[i] = (string)s;
            }
            value = texts;
            return list.IsProper;
        }
        return TermConvert.TryConvert(term, wanted, out value);
    }
}
