using System.Collections.Concurrent;
using System.Reflection;
using System.Text;

namespace Otp.Modules;

/// <summary>
/// The modules a node can run by name: what Erlang's code server is to <c>apply(M, F, A)</c> and
/// to <c>spawn(Node, M, F, A)</c> from another node. A module is a C# class marked with
/// <see cref="ErlangModuleAttribute"/>; its public static methods are its functions.
/// </summary>
/// <remarks>
/// Every node starts with a few built-in modules, each a small subset of its Erlang namesake:
/// <c>erlang</c> (<c>node/0</c>, <c>nodes/0,1</c>, <c>apply/3</c>, <c>exit/1</c>, <c>halt/0,1</c>),
/// <c>init</c> (<c>stop/0,1</c>), <c>io</c> (<c>format/1,2</c>, <c>put_chars/1</c>) and
/// <c>erpc</c> (the <c>execute_call/4</c> and <c>execute_cast/3</c> that <c>erpc:call</c>,
/// <c>rpc:call</c> and <c>rpc:cast</c> spawn). Registration is thread-safe.
/// </remarks>
public sealed class ModuleRegistry
{
    private readonly ConcurrentDictionary<string, Type> _modules = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Module, string Function, int Arity), ModuleFunction> _functions = new();

    internal ModuleRegistry()
    {
        Register(typeof(ErlangBuiltins));
        Register(typeof(InitModule));
        Register(typeof(IoModule));
        Register(typeof(ErpcModule));
    }

    /// <summary>The registered modules' names, sorted.</summary>
    public IReadOnlyList<string> Modules => [.. _modules.Keys.Order(StringComparer.Ordinal)];

    /// <summary>
    /// Registers <paramref name="module"/>: its <see cref="ErlangModuleAttribute"/> name (or its
    /// class name in snake_case) with every public static method it declares. Registering the
    /// same class again does nothing.
    /// </summary>
    /// <returns>The module's name.</returns>
    /// <exception cref="ArgumentException">Another class has that module name, or two methods
    /// have the same Erlang name and arity.</exception>
    public string Register(Type module)
    {
        ArgumentNullException.ThrowIfNull(module);
        var name = module.GetCustomAttribute<ErlangModuleAttribute>()?.Name ?? SnakeCase(module.Name);
        var functions = new Dictionary<(string, string, int), ModuleFunction>();
        foreach (var method in module.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
        {
            if (method.IsSpecialName || method.IsGenericMethodDefinition) continue;
            var fname = method.GetCustomAttribute<ErlangFunctionAttribute>()?.Name ?? SnakeCase(method.Name);
            var f = new ModuleFunction(new Atom(name), new Atom(fname), method);
            if (!functions.TryAdd((name, fname, f.Arity), f))
                throw new ArgumentException($"{module.Name} exports {name}:{fname}/{f.Arity} twice; give one of them another [ErlangFunction] name", nameof(module));
        }
        var existing = _modules.GetOrAdd(name, module);
        if (existing != module)
            throw new ArgumentException($"module '{name}' is already registered by {existing.FullName}", nameof(module));
        foreach (var (key, f) in functions) _functions[key] = f;
        return name;
    }

    /// <summary>True if a module of that name is registered.</summary>
    public bool IsRegistered(string module) => _modules.ContainsKey(module);

    /// <summary>The functions <paramref name="module"/> exports, by name then arity (Erlang's
    /// <c>Module:module_info(exports)</c>); empty for an unknown module.</summary>
    public IReadOnlyList<ModuleFunction> Exports(string module) =>
        [.. _functions.Values.Where(f => f.Module.Name == module).OrderBy(f => f.Name.Name, StringComparer.Ordinal).ThenBy(f => f.Arity)];

    /// <summary>The function <c>Module:Function/Arity</c>, or null if it is not exported.</summary>
    public ModuleFunction? Find(Atom module, Atom function, int arity) =>
        _functions.GetValueOrDefault((module.Name, function.Name, arity));

    /// <summary>
    /// Erlang's <c>apply(Module, Function, Args)</c>: runs the function in <paramref name="self"/>
    /// and returns its result.
    /// </summary>
    /// <exception cref="ModuleCallException"><c>undef</c> when the function is not exported with
    /// that many arguments; <c>function_clause</c> when an argument does not convert.</exception>
    public Task<object?> ApplyAsync(Process self, Atom module, Atom function, IReadOnlyList<object?> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return Find(module, function, args.Count) is { } f
            ? f.InvokeAsync(self, args)
            : Task.FromException<object?>(ModuleCallException.Undef(module, function, args));
    }

    /// <summary>
    /// The body of a process that runs <c>Module:Function(Args...)</c> and ends, as
    /// <c>spawn(M, F, A)</c> makes one: normally when the function returns, with
    /// <c>{undef, [{M, F, Args, []}]}</c> (or <c>function_clause</c>) when it cannot be called.
    /// </summary>
    public Func<Process, Task> Body(Atom module, Atom function, IReadOnlyList<object?> args)
    {
        // spawn(N, erlang, apply, [M, F, A]) starts M:F(A...) itself: on the BEAM, apply/3 as a
        // process's first call leaves no frame, so an undef shows [{M, F, A, []}] only (checked
        // with erl; a call through apply/3 from a function keeps {erlang, apply, 3, []}).
        if (module.Name == "erlang" && function.Name == "apply" && args is [Atom m, Atom f, ErlangList { IsProper: true } a])
            return Body(m, f, [.. a]);
        return BodyOf(module, function, args);
    }

    private Func<Process, Task> BodyOf(Atom module, Atom function, IReadOnlyList<object?> args) => async self =>
    {
        try
        {
            await ApplyAsync(self, module, function, args).ConfigureAwait(true);
        }
        catch (ModuleCallException e)
        {
            self.EndsWithError();
            self.Exit(new ExitReason(e.ExitTerm));
        }
    };

    /// <summary><c>StartPong</c> → <c>start_pong</c>, <c>Tut17</c> → <c>tut17</c>.</summary>
    internal static string SnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]))) sb.Append('_');
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }
}
