using System.Reflection;
using System.Runtime.Loader;

namespace Otp.CodeLoading;

/// <summary>
/// The collectible load context that holds exactly one version of one module. Everything else
/// (the runtime, the BCL, the application) resolves from the default context, so a type such as
/// <see cref="IServerModule"/> means the same thing to every version.
/// </summary>
internal sealed class ModuleLoadContext(string name) : AssemblyLoadContext(name, isCollectible: true)
{
    /// <summary>Null: fall back to the default context for every dependency.</summary>
    protected override Assembly? Load(AssemblyName assemblyName) => null;
}
