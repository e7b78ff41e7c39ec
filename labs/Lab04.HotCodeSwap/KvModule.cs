using System.Reflection;

namespace Lab04.HotCodeSwap;

/// <summary>The source of each version of the <c>kv</c> module (Modules/KvV1.cs, Modules/KvV2.cs),
/// to compile and load at run time: <c>node.Code.LoadSource(KvModule.Name, KvModule.Source(2))</c>.</summary>
public static class KvModule
{
    /// <summary>The module's name.</summary>
    public const string Name = "kv";

    /// <summary>The C# source of version <paramref name="version"/> (1 or 2).</summary>
    /// <exception cref="ArgumentOutOfRangeException">There is no such version.</exception>
    public static string Source(int version)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"KvV{version}.cs")
            ?? throw new ArgumentOutOfRangeException(nameof(version), version, "kv has versions 1 and 2");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
