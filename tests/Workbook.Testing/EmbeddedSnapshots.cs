using System.Reflection;
using System.Text;

namespace Workbook.Testing;

/// <summary>
/// The grading files a lab's test assembly carries: the build embeds each test source and each
/// <c>*.verified.txt</c> of the project as a resource named <c>grading/&lt;path in the
/// project&gt;</c> (tests/Directory.Build.props), and marks the assembly with
/// <c>[AssemblyMetadata("Workbook.Testing.EmbeddedSnapshots", "true")]</c>. Snapshots are read
/// from there, never from disk, and the grader compares them with the committed files.
/// </summary>
public sealed class EmbeddedSnapshots
{
    /// <summary>The assembly metadata key that marks an assembly carrying its grading files.</summary>
    public const string MetadataKey = "Workbook.Testing.EmbeddedSnapshots";

    /// <summary>The prefix of the resources' names.</summary>
    public const string ResourcePrefix = "grading/";

    private static readonly Dictionary<Assembly, EmbeddedSnapshots?> Cache = [];
    private static readonly Lock CacheGate = new();

    private readonly Dictionary<string, string> _files;

    private EmbeddedSnapshots(Dictionary<string, string> files) => _files = files;

    /// <summary>The grading files embedded in <paramref name="assembly"/>, or null when it was not
    /// built to carry them (then snapshots are read from disk).</summary>
    public static EmbeddedSnapshots? In(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        lock (CacheGate)
        {
            if (Cache.TryGetValue(assembly, out var known)) return known;
            var marked = assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Any(a => a.Key == MetadataKey && a.Value == "true");
            EmbeddedSnapshots? result = null;
            if (marked)
            {
                var files = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
                {
                    using var stream = assembly.GetManifestResourceStream(name)!;
                    using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
                    files[name[ResourcePrefix.Length..]] = reader.ReadToEnd();
                }
                result = new EmbeddedSnapshots(files);
            }
            Cache[assembly] = result;
            return result;
        }
    }

    /// <summary>The embedded text of the file at <paramref name="path"/> (an absolute path in the
    /// test project, as the snapshot helper computes it), or null when the build embedded none:
    /// the snapshot does not exist, as far as grading is concerned.</summary>
    public string? Find(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = path.Replace('\\', '/');
        // The embedded names are relative to the project folder, which the helper does not know:
        // the longest name that ends the path is the file.
        return _files.Where(f => full.EndsWith("/" + f.Key, StringComparison.Ordinal))
            .OrderByDescending(f => f.Key.Length)
            .Select(f => f.Value)
            .FirstOrDefault();
    }
}
