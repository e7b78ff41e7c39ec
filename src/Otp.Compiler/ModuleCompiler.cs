using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Otp.Compiler;

/// <summary>
/// Compiles C# source into an assembly image that <see cref="CodeLoading.CodeServer.Load"/> can
/// load as a module version. The source sees the .NET base library and the Otp runtime, plus any
/// assemblies passed in.
/// </summary>
public static class ModuleCompiler
{
    private static readonly Lazy<IReadOnlyList<MetadataReference>> Platform = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal)
                        || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(Node).Assembly.Location))
            .ToList());

    private static int _counter;

    /// <summary>
    /// Compiles <paramref name="source"/> as a new version of <paramref name="module"/>.
    /// </summary>
    /// <param name="module">The module's name; each compilation gets a unique assembly name from it.</param>
    /// <param name="source">One C# file: usings, then public types.</param>
    /// <param name="references">Further assemblies the source uses (for example the one that
    /// defines the module's contract interface).</param>
    /// <returns>The assembly image.</returns>
    /// <exception cref="CompileErrorException">The source has errors; the message lists them.</exception>
    public static byte[] Compile(string module, string source, IEnumerable<Assembly>? references = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(module);
        ArgumentNullException.ThrowIfNull(source);
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: module + ".cs");
        var refs = Platform.Value.Concat((references ?? []).Select(a => MetadataReference.CreateFromFile(a.Location)));
        var compilation = CSharpCompilation.Create(
            $"{module}.v{Interlocked.Increment(ref _counter)}.{Guid.NewGuid():N}",
            [tree], refs,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        if (!result.Success)
            throw new CompileErrorException(module, [.. result.Diagnostics
                .Where(d => d.Severity == DiagnosticSeverity.Error)
                .Select(d => $"{FormatPosition(d)}: error {d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")]);
        return image.ToArray();
    }

    private static string FormatPosition(Diagnostic d)
    {
        var span = d.Location.GetLineSpan();
        return $"({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})";
    }
}
