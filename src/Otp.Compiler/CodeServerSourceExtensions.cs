using System.Reflection;
using Otp.CodeLoading;

namespace Otp.Compiler;

/// <summary>Compile-and-load, Erlang's <c>c:c/1</c>.</summary>
public static class CodeServerSourceExtensions
{
    /// <summary>
    /// Compiles <paramref name="source"/> and loads it as the new current version of
    /// <paramref name="module"/> (see <see cref="CodeServer.Load"/> for what happens to the
    /// running versions).
    /// </summary>
    /// <exception cref="CompileErrorException">The source does not compile. Nothing is loaded or
    /// purged: every running version is untouched.</exception>
    public static ModuleVersion LoadSource(this CodeServer code, string module, string source, IEnumerable<Assembly>? references = null)
    {
        ArgumentNullException.ThrowIfNull(code);
        return code.Load(module, ModuleCompiler.Compile(module, source, references));
    }
}
