using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Workbook.Grader.Integrity;

/// <summary>The few read-only git commands the tamper check needs.</summary>
public static class Git
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    /// <summary>The full commit id <paramref name="revision"/> names in the repository at
    /// <paramref name="root"/>, or why there is none.</summary>
    public static (string? Commit, string? Problem) Resolve(string root, string revision)
    {
        var (code, output, error) = Run(root, ["rev-parse", "--verify", "--quiet", revision + "^{commit}"]);
        if (code is null) return (null, "git is not installed, so the tests cannot be compared with the committed ones");
        if (code == 0) return (Encoding.UTF8.GetString(output).Trim(), null);
        var inRepository = Run(root, ["rev-parse", "--is-inside-work-tree"]).Code == 0;
        return (null, inRepository
            ? $"the revision '{revision}' does not exist here, so the tests cannot be compared with it"
            : $"{root} is not a git checkout, so the tests cannot be compared with the committed ones ({error.Trim()})");
    }

    /// <summary>Every file under <paramref name="paths"/> (relative to <paramref name="root"/>) at
    /// <paramref name="commit"/>, with its blob id; paths use <c>/</c>, relative to the root.</summary>
    public static IReadOnlyDictionary<string, string> Files(string root, string commit, IEnumerable<string> paths)
    {
        var (code, output, error) = Run(root, ["ls-tree", "-r", "-z", commit, "--", .. paths]);
        if (code != 0) throw new InvalidOperationException($"git ls-tree failed: {error.Trim()}");
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        // "<mode> blob <id>\t<path>\0"
        foreach (var entry in Encoding.UTF8.GetString(output).Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            var tab = entry.IndexOf('\t');
            var meta = entry[..tab].Split(' ');
            if (meta.Length == 3 && meta[1] == "blob") files[entry[(tab + 1)..]] = meta[2];
        }
        return files;
    }

    /// <summary>The content of blob <paramref name="objectId"/>, or null when git cannot show it.</summary>
    public static byte[]? Blob(string root, string objectId)
    {
        var (code, output, _) = Run(root, ["cat-file", "blob", objectId]);
        return code == 0 ? output : null;
    }

    // Null exit code: git could not be started.
    private static (int? Code, byte[] Output, string Error) Run(string root, IReadOnlyList<string> arguments)
    {
        var info = new ProcessStartInfo("git")
        {
            WorkingDirectory = root,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        // A learner's checkout may belong to another user (a shared classroom machine).
        info.Environment["GIT_CONFIG_COUNT"] = "1";
        info.Environment["GIT_CONFIG_KEY_0"] = "safe.directory";
        info.Environment["GIT_CONFIG_VALUE_0"] = "*";
        Process process;
        try { process = Process.Start(info)!; }
        catch (Win32Exception) { return (null, [], "git is not installed"); }
        using (process)
        {
            process.StandardInput.Close();
            var error = process.StandardError.ReadToEndAsync();
            using var buffer = new MemoryStream();
            var copy = process.StandardOutput.BaseStream.CopyToAsync(buffer);
            if (!process.WaitForExit(Limit))
            {
                try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                return (-1, [], "git did not answer in time");
            }
            copy.Wait(Limit);
            error.Wait(Limit);
            return (process.ExitCode, buffer.ToArray(), error.IsCompletedSuccessfully ? error.Result : "");
        }
    }
}
