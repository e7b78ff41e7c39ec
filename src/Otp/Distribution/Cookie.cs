using System.Security.Cryptography;
using System.Text;

namespace Otp.Distribution;

/// <summary>
/// The magic cookie two nodes must share to connect. As <c>erl</c> does: an explicit cookie wins;
/// otherwise <c>~/.erlang.cookie</c> is read, and created (20 random upper-case letters, readable
/// by its owner only) when it does not exist.
/// </summary>
/// <remarks>The cookie is not encryption: it only proves, through a challenge, that both sides
/// know the same text. Traffic itself is plain.</remarks>
public static class Cookie
{
    /// <summary>The path erl uses: <c>$HOME/.erlang.cookie</c>.</summary>
    public static string DefaultPath =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".erlang.cookie");

    /// <summary>Reads the cookie file at <paramref name="path"/> (by default <see cref="DefaultPath"/>),
    /// creating it as erl does when it is missing.</summary>
    /// <exception cref="InvalidOperationException">The file exists but is empty, or is readable by
    /// others (erl refuses such a file too).</exception>
    public static string ReadOrCreate(string? path = null)
    {
        path ??= DefaultPath;
        if (!File.Exists(path))
        {
            var created = Create();
            try
            {
                var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                using (var f = new FileStream(path, options)) f.Write(Encoding.ASCII.GetBytes(created));
                // erl leaves the file read-only for its owner (mode 0400).
                if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another node created it at the same moment: read theirs.
            }
        }
        if (!OperatingSystem.IsWindows() &&
            (File.GetUnixFileMode(path) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) != 0)
            throw new InvalidOperationException($"Cookie file {path} must be accessible by owner only (as erl requires): chmod 400 {path}");
        var text = File.ReadAllText(path).Trim();
        if (text.Length == 0) throw new InvalidOperationException($"Cookie file {path} is empty");
        return text;
    }

    /// <summary>A new random cookie: 20 upper-case letters, as erl makes them.</summary>
    public static string Create() => RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 20);
}
