using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using Workbook.Testing;

namespace Workbook.Grader.Integrity;

/// <summary>
/// Reads the grading files a built lab test assembly carries (see
/// <see cref="EmbeddedSnapshots"/>) straight from the file's metadata, without loading it: no
/// code of the assembly, or of the lab it references, runs in the grader.
/// </summary>
public static class EmbeddedGradingFiles
{
    /// <summary>The embedded files by path in the test project (<c>EchoTests.cs</c>,
    /// <c>Sub/X.verified.txt</c>) with their bytes; null when the assembly was not built to carry
    /// them, or cannot be read.</summary>
    public static IReadOnlyDictionary<string, byte[]>? Read(string assemblyPath)
    {
        ArgumentNullException.ThrowIfNull(assemblyPath);
        try
        {
            using var stream = File.OpenRead(assemblyPath);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata || pe.PEHeaders.CorHeader is not { } cor) return null;
            var md = pe.GetMetadataReader();
            if (!Marked(md)) return null;
            var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            foreach (var handle in md.ManifestResources)
            {
                var resource = md.GetManifestResource(handle);
                if (!resource.Implementation.IsNil) continue; // lives in another file
                var name = md.GetString(resource.Name);
                if (!name.StartsWith(EmbeddedSnapshots.ResourcePrefix, StringComparison.Ordinal)) continue;
                // Each resource is a 4-byte length followed by its bytes, at its offset in the resources blob.
                var block = pe.GetSectionData(cor.ResourcesDirectory.RelativeVirtualAddress + (int)resource.Offset).GetReader();
                var length = block.ReadInt32();
                files[name[EmbeddedSnapshots.ResourcePrefix.Length..]] = block.ReadBytes(length);
            }
            return files;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or BadImageFormatException or InvalidOperationException)
        {
            return null;
        }
    }

    // [assembly: AssemblyMetadata("Workbook.Testing.EmbeddedSnapshots", "true")]
    private static bool Marked(MetadataReader md)
    {
        foreach (var handle in md.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = md.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind != HandleKind.MemberReference) continue;
            var ctor = md.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
            if (ctor.Parent.Kind != HandleKind.TypeReference) continue;
            var type = md.GetTypeReference((TypeReferenceHandle)ctor.Parent);
            if (md.GetString(type.Name) != "AssemblyMetadataAttribute") continue;
            var blob = md.GetBlobReader(attribute.Value);
            if (blob.ReadUInt16() != 1) continue; // the custom attribute blob's prolog
            if (blob.ReadSerializedString() == EmbeddedSnapshots.MetadataKey && blob.ReadSerializedString() == "true") return true;
        }
        return false;
    }

    /// <summary>UTF-8 text of embedded bytes, without a byte order mark.</summary>
    public static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');
}
