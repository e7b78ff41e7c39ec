using System.Reflection;
using System.Runtime.CompilerServices;

namespace Otp.CodeLoading;

/// <summary>
/// One loaded version of a module: an assembly in its own collectible load context. A process
/// that entered a version (with <see cref="ProcessCodeExtensions.EnterModule"/>) keeps using it
/// until it enters another one, so a version can outlive its time as current.
/// </summary>
/// <remarks>
/// <para>A module's code is reached in two ways: <see cref="Create{T}"/> instantiates the one
/// public class that implements a contract type the runtime or the application defines (the
/// contract must live outside the module, so every version shares it), and
/// <see cref="Function{TDelegate}"/> binds a public static method, Erlang's exported function.</para>
/// <para>After <see cref="ModuleStatus.Purged"/> the version holds no reference to its assembly,
/// so the load context can be collected once nothing else refers to its types or objects;
/// <see cref="IsCollected"/> tells when that has happened.</para>
/// </remarks>
public sealed class ModuleVersion
{
    private readonly Lock _gate = new();
    private readonly HashSet<Pid> _processes = [];
    private readonly WeakReference _context;
    private ModuleLoadContext? _loadContext;
    private Assembly? _assembly;

    internal ModuleVersion(string module, int number, ModuleLoadContext context, Assembly assembly)
    {
        Module = module;
        Number = number;
        _loadContext = context;
        _assembly = assembly;
        _context = new WeakReference(context, trackResurrection: false);
    }

    /// <summary>The module's name, for example <c>counter</c>.</summary>
    public string Module { get; }

    /// <summary>1 for the first version loaded on this node, 2 for the next, and so on.</summary>
    public int Number { get; }

    /// <summary>Current, old or purged.</summary>
    public ModuleStatus Status { get; private set; } = ModuleStatus.Current;

    /// <summary>The assembly of this version.</summary>
    /// <exception cref="InvalidOperationException">The version was purged.</exception>
    public Assembly Assembly => _assembly ?? throw Purged();

    /// <summary>True once the purged version's load context has been garbage collected: nothing
    /// refers to its code any more. Always false before the purge.</summary>
    public bool IsCollected => !_context.IsAlive;

    /// <summary>The processes that run this version now, in pid order.</summary>
    public IReadOnlyList<Pid> Processes
    {
        get { lock (_gate) return [.. _processes.Order()]; }
    }

    /// <summary>
    /// Creates an instance of the one public, non-abstract class in this version that implements
    /// <typeparamref name="T"/>, with its parameterless constructor.
    /// </summary>
    /// <exception cref="UndefinedModuleException">No such class, or more than one.</exception>
    public T Create<T>() where T : class
    {
        var candidates = Assembly.GetExportedTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(T).IsAssignableFrom(t)).ToList();
        if (candidates.Count != 1)
            throw new UndefinedModuleException(
                $"{this}: expected exactly one public class implementing {typeof(T).Name}, found {candidates.Count}");
        return (T)Activator.CreateInstance(candidates[0])!;
    }

    /// <summary>
    /// Binds the public static method <paramref name="name"/> (<c>Type.Method</c>, or just
    /// <c>Method</c> if one public type has it) as a <typeparamref name="TDelegate"/>.
    /// </summary>
    /// <exception cref="UndefinedModuleException">No such method with that signature: Erlang's <c>undef</c>.</exception>
    public TDelegate Function<TDelegate>(string name) where TDelegate : Delegate
    {
        var dot = name.LastIndexOf('.');
        var (typeName, method) = dot < 0 ? (null, name) : (name[..dot], name[(dot + 1)..]);
        var parameters = typeof(TDelegate).GetMethod("Invoke")!.GetParameters().Select(p => p.ParameterType).ToArray();
        foreach (var type in Assembly.GetExportedTypes())
        {
            if (typeName is not null && type.Name != typeName && type.FullName != typeName) continue;
            var m = type.GetMethod(method, BindingFlags.Public | BindingFlags.Static, parameters);
            if (m is not null) return m.CreateDelegate<TDelegate>();
        }
        throw new UndefinedModuleException($"{this}: no public static {name}({string.Join(", ", parameters.Select(p => p.Name))})");
    }

    /// <summary><c>counter v2 (current)</c>.</summary>
    public override string ToString() => $"{Module} v{Number} ({Status.ToString().ToLowerInvariant()})";

    internal void MarkOld() => Status = ModuleStatus.Old;

    internal void Enter(Pid pid)
    {
        lock (_gate) _processes.Add(pid);
    }

    internal void Leave(Pid pid)
    {
        lock (_gate) _processes.Remove(pid);
    }

    /// <summary>Drops every reference to the code and unloads the load context. The caller has
    /// already dealt with the processes.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal void Unload()
    {
        Status = ModuleStatus.Purged;
        lock (_gate) _processes.Clear();
        var context = _loadContext;
        _loadContext = null;
        _assembly = null;
        context?.Unload();
    }

    private InvalidOperationException Purged() => new($"{Module} v{Number} was purged: its code is gone");
}
