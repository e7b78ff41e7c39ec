namespace Otp.Compiler;

/// <summary>
/// The source of a module did not compile. Nothing was loaded: the versions already running are
/// untouched. <see cref="Diagnostics"/> holds the compiler's errors, one per line, as
/// <c>(line,col): error CS0103: The name 'x' does not exist in the current context</c>.
/// </summary>
public sealed class CompileErrorException(string module, IReadOnlyList<string> diagnostics)
    : Exception($"{module} does not compile:\n{string.Join('\n', diagnostics)}")
{
    /// <summary>The module that failed.</summary>
    public string Module { get; } = module;

    /// <summary>The compiler's error messages with their positions in the source.</summary>
    public IReadOnlyList<string> Diagnostics { get; } = diagnostics;
}
