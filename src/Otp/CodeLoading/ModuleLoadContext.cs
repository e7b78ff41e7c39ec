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
    /// A dependency resolves to the non-collectible assembly of that name already loaded in the
    /// process, wherever it was loaded from (a notebook host loads the runtime with
    /// <c>LoadFrom</c>, which the default context's own lookup by name would not find); otherwise
    /// the default context decides.
    /// </summary>
    protected override Assembly? Load(AssemblyName assemblyName) =>
        AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a =>
            !a.IsCollectible && AssemblyName.ReferenceMatchesDefinition(assemblyName, a.GetName()));
}
