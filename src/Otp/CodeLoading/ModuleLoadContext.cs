using System.Reflection;
using System.Runtime.Loader;

namespace Otp.CodeLoading;

/// <summary>
/// The collectible load context that holds exactly one version of one module. Its dependencies
/// (the runtime, the BCL, the application) are the assemblies already loaded, so a type such as
/// <see cref="IServerModule"/> means the same thing to every version.
/// </summary>
internal sealed class ModuleLoadContext(string name) : AssemblyLoadContext(name, isCollectible: true)
{
    /// <summary>
    /// A dependency resolves to an assembly already loaded, wherever it was loaded from (a
    /// notebook host loads the runtime with <c>LoadFrom</c>, which the default context's lookup by
    /// name would not find): first the runtime that is loading the module, then what sits in the
    /// runtime's own load context, then any other non-collectible assembly of that name. If none
    /// is loaded, the default context decides. A host can hold two copies of the runtime (two
    /// notebook sessions): the module must bind to the one whose code server loads it.
    /// </summary>
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        var runtime = typeof(ModuleLoadContext).Assembly;
        if (AssemblyName.ReferenceMatchesDefinition(assemblyName, runtime.GetName())) return runtime;
        bool Matches(Assembly a) => !a.IsCollectible && AssemblyName.ReferenceMatchesDefinition(assemblyName, a.GetName());
        return GetLoadContext(runtime)?.Assemblies.LastOrDefault(Matches)
            ?? AppDomain.CurrentDomain.GetAssemblies().LastOrDefault(Matches);
    }
}
