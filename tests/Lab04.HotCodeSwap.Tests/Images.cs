using System.Collections.Concurrent;
using Otp.Compiler;

namespace Lab04.HotCodeSwap.Tests;

/// <summary>
/// Compiles module sources before a deterministic run starts, and once per source: compiling
/// takes Roslyn a few seconds the first time, which must not count against the run's real-time
/// guard (that guard is there to catch a process that never awaits). A source that does not
/// compile throws <see cref="CompileErrorException"/> here, with the compiler's messages.
/// </summary>
internal static class Images
{
    private static readonly ConcurrentDictionary<string, Lazy<byte[]>> Cache = new();

    public static byte[] Of(string module, string source) =>
        Cache.GetOrAdd(module + "\n" + source, _ => new Lazy<byte[]>(() => ModuleCompiler.Compile(module, source))).Value;
}
