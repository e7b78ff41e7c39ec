namespace Otp.CodeLoading;

/// <summary>
/// A node's code server: which modules are loaded, in which versions, and which processes run
/// them. It follows Erlang's rules:
/// <list type="bullet">
/// <item>a module has at most two versions, current and old;</item>
/// <item>a fully qualified call (<see cref="ProcessCodeExtensions.EnterModule"/>) enters the
/// current version; a process stays in the version it is in until it makes one;</item>
/// <item>loading a new version makes the current one old and first purges the previous old one,
/// killing the processes still running it (as <c>code:load_binary/3</c>, <c>c:c/1</c> and
/// <c>c:l/1</c> do);</item>
/// <item><see cref="Purge"/> kills what runs the old version and unloads it;
/// <see cref="SoftPurge"/> unloads it only if nothing runs it.</item>
/// </list>
/// </summary>
/// <remarks>Killed processes end with reason <c>killed</c>, exactly as in Erlang (a purge sends
/// them <c>kill</c>); <see cref="Killed"/> lists who was killed by which purge, for the record.
/// Thread-safe.</remarks>
public sealed class CodeServer
{
    private readonly Lock _gate = new();
    private readonly Node _node;
    private readonly Dictionary<string, (ModuleVersion Current, ModuleVersion? Old)> _modules = new(StringComparer.Ordinal);
    private readonly Dictionary<Pid, Dictionary<string, ModuleVersion>> _running = [];
    private readonly List<string> _killed = [];
    private int _loads;

    internal CodeServer(Node node) => _node = node;

    /// <summary>Every loaded module, sorted by name.</summary>
    public IReadOnlyList<string> Modules
    {
        get { lock (_gate) return [.. _modules.Keys.Order(StringComparer.Ordinal)]; }
    }

    /// <summary>One line per process a purge killed: <c>counter v1 purged: killed &lt;0.5.0&gt;</c>.</summary>
    public IReadOnlyList<string> Killed
    {
        get { lock (_gate) return [.. _killed]; }
    }

    /// <summary>The current version of <paramref name="module"/>, or null if it is not loaded.</summary>
    public ModuleVersion? Current(string module)
    {
        lock (_gate) return _modules.TryGetValue(module, out var v) ? v.Current : null;
    }

    /// <summary>The old version of <paramref name="module"/>, or null if there is none (Erlang's
    /// <c>erlang:check_old_code/1</c> is <c>Old(m) is not null</c>).</summary>
    public ModuleVersion? Old(string module)
    {
        lock (_gate) return _modules.TryGetValue(module, out var v) ? v.Old : null;
    }

    /// <summary>Erlang's <c>erlang:check_process_code/2</c>: true if <paramref name="pid"/> runs
    /// the old version of <paramref name="module"/>.</summary>
    public bool CheckProcessCode(Pid pid, string module)
    {
        lock (_gate)
            return _running.TryGetValue(pid, out var byModule) && byModule.TryGetValue(module, out var v)
                && v.Status == ModuleStatus.Old;
    }

    /// <summary>The version of <paramref name="module"/> that <paramref name="pid"/> runs, or null.</summary>
    public ModuleVersion? VersionOf(Pid pid, string module)
    {
        lock (_gate) return _running.TryGetValue(pid, out var m) && m.TryGetValue(module, out var v) ? v : null;
    }

    /// <summary>
    /// Loads an assembly image as the new current version of <paramref name="module"/>
    /// (Erlang's <c>code:load_binary/3</c>). The current version becomes old; a previous old
    /// version is purged first, killing the processes that still run it.
    /// </summary>
    /// <param name="module">The module's name.</param>
    /// <param name="image">A .NET assembly, for example from the Roslyn compiler or a build.</param>
    /// <returns>The new current version.</returns>
    /// <exception cref="BadArgException">The image is not a loadable assembly. Nothing changes:
    /// the running versions stay as they were.</exception>
    public ModuleVersion Load(string module, byte[] image)
    {
        ArgumentException.ThrowIfNullOrEmpty(module);
        ArgumentNullException.ThrowIfNull(image);
        // Load into a fresh context before touching the registry, so a bad image changes nothing.
        var context = new ModuleLoadContext($"{module}#{Interlocked.Increment(ref _loads)}");
        System.Reflection.Assembly assembly;
        try
        {
            using var stream = new MemoryStream(image, writable: false);
            assembly = context.LoadFromStream(stream);
        }
        catch (BadImageFormatException ex)
        {
            context.Unload();
            throw new BadArgException($"load {module}: not a .NET assembly ({ex.Message})");
        }

        ModuleVersion created;
        ModuleVersion? purge = null;
        lock (_gate)
        {
            var number = 1;
            if (_modules.TryGetValue(module, out var existing))
            {
                purge = existing.Old;
                existing.Current.MarkOld();
                number = existing.Current.Number + 1;
                created = new ModuleVersion(module, number, context, assembly);
                _modules[module] = (created, existing.Current);
            }
            else
            {
                created = new ModuleVersion(module, number, context, assembly);
                _modules[module] = (created, null);
            }
        }
        if (purge is not null) KillAndUnload(purge);
        return created;
    }

    /// <summary>Loads the assembly file at <paramref name="path"/> as the new current version
    /// (as <see cref="Load"/>). The file is read into memory, so it is not locked afterwards.</summary>
    public ModuleVersion LoadFile(string module, string path) => Load(module, File.ReadAllBytes(path));

    /// <summary>
    /// Erlang's <c>code:purge/1</c>: kills every process that runs the old version of
    /// <paramref name="module"/> (reason <c>killed</c>) and unloads that version.
    /// </summary>
    /// <returns>True if a process was killed.</returns>
    public bool Purge(string module)
    {
        ModuleVersion? old;
        lock (_gate)
        {
            if (!_modules.TryGetValue(module, out var v) || v.Old is null) return false;
            old = v.Old;
            _modules[module] = (v.Current, null);
        }
        return KillAndUnload(old);
    }

    /// <summary>
    /// Erlang's <c>code:soft_purge/1</c>: unloads the old version of <paramref name="module"/>
    /// only if no process runs it.
    /// </summary>
    /// <returns>False if a process still runs the old version (nothing is done); true otherwise.</returns>
    public bool SoftPurge(string module)
    {
        ModuleVersion? old;
        lock (_gate)
        {
            if (!_modules.TryGetValue(module, out var v) || v.Old is null) return true;
            old = v.Old;
            if (old.Processes.Count > 0) return false;
            _modules[module] = (v.Current, null);
        }
        old.Unload();
        return true;
    }

    /// <summary>Moves <paramref name="self"/> onto the current version of <paramref name="module"/>.</summary>
    internal ModuleVersion Enter(Process self, string module)
    {
        ModuleVersion current;
        bool first;
        lock (_gate)
        {
            if (!_modules.TryGetValue(module, out var v))
                throw new UndefinedModuleException($"call to {module}: the module is not loaded");
            current = v.Current;
            first = !_running.TryGetValue(self.Self, out var byModule);
            if (first) _running[self.Self] = byModule = new(StringComparer.Ordinal);
            if (byModule!.TryGetValue(module, out var was))
            {
                if (was == current) return current;
                was.Leave(self.Self);
            }
            byModule[module] = current;
            current.Enter(self.Self);
        }
        if (first) _ = self.ExitedTask.ContinueWith(_ => Forget(self.Self), TaskScheduler.Default);
        return current;
    }

    private void Forget(Pid pid)
    {
        lock (_gate)
        {
            if (!_running.Remove(pid, out var byModule)) return;
            foreach (var v in byModule.Values) v.Leave(pid);
        }
    }

    private bool KillAndUnload(ModuleVersion old)
    {
        var victims = old.Processes;
        foreach (var pid in victims)
        {
            lock (_gate)
            {
                _killed.Add($"{old.Module} v{old.Number} purged: killed {pid}");
                if (_running.TryGetValue(pid, out var byModule)) byModule.Remove(old.Module);
            }
            _node.Exit(pid, ExitReason.Kill);
        }
        old.Unload();
        return victims.Count > 0;
    }
}
