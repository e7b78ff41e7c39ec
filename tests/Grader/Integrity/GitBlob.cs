using System.Security.Cryptography;
using System.Text;

namespace Workbook.Grader.Integrity;

/// <summary>Git's object id for file content (<c>git hash-object</c>): the hash of
/// <c>"blob &lt;length&gt;\0"</c> followed by the bytes, SHA-1 or, in a SHA-256 repository, SHA-256.</summary>
public static class GitBlob
{
    /// <summary>True when <paramref name="content"/> is the blob <paramref name="objectId"/>, as
    /// stored or with its CRLF line endings made LF (what git's autocrlf does on commit).</summary>
    public static bool Matches(ReadOnlySpan<byte> content, string objectId)
    {
        ArgumentNullException.ThrowIfNull(objectId);
        if (Id(content, objectId.Length) == objectId) return true;
        if (content.IndexOf("\r\n"u8) < 0) return false;
        return Id(WithoutCarriageReturns(content), objectId.Length) == objectId;
    }

    /// <summary>The object id of <paramref name="content"/>, SHA-1 (40 hex digits) or SHA-256 (64).</summary>
    public static string Id(ReadOnlySpan<byte> content, int hexLength = 40)
    {
        var header = Encoding.ASCII.GetBytes($"blob {content.Length}\0");
        var all = new byte[header.Length + content.Length];
        header.CopyTo(all, 0);
        content.CopyTo(all.AsSpan(header.Length));
#pragma warning disable CA5350 // SHA-1 is git's object format, not a security choice here.
        var hash = hexLength == 64 ? SHA256.HashData(all) : SHA1.HashData(all);
#pragma warning restore CA5350
        return Convert.ToHexStringLower(hash);
    }

    private static byte[] WithoutCarriageReturns(ReadOnlySpan<byte> content)
    {
        var result = new List<byte>(content.Length);
        for (var i = 0; i < content.Length; i++)
            if (!(content[i] == '\r' && i + 1 < content.Length && content[i + 1] == '\n')) result.Add(content[i]);
        return [.. result];
    }
}
