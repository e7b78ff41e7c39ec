using System.Diagnostics;
using System.Globalization;

namespace Workbook.Grader.Running.Containment;

/// <summary>
/// Linux and macOS: the child starts as the leader of a new process group (through
/// <c>setsid</c> on Linux, <c>perl -e 'setpgrp'</c> where there is no <c>setsid</c>, as on macOS),
/// before it runs a single instruction of its own; everything it starts inherits the group, and
/// one <c>kill -KILL -- -pgid</c> ends them all, even after the leader itself has exited.
/// </summary>
internal sealed class UnixProcessGroup : ProcessContainment
{
    private static readonly string[] SetsidPaths = ["/usr/bin/setsid", "/bin/setsid"];
    private const string Perl = "/usr/bin/perl";
    // exec keeps the pid, so the group's id is the pid .NET reports for the child.
    private const string PerlScript = "setpgrp(0, 0); exec { $ARGV[0] } @ARGV or die \"cannot run $ARGV[0]: $!\\n\";";

    private readonly string _launcher;
    private int _group;

    private UnixProcessGroup(string launcher) => _launcher = launcher;

    /// <summary>The group launcher this machine has, or no containment when it has none.</summary>
    public static ProcessContainment Create()
    {
        if (SetsidPaths.FirstOrDefault(File.Exists) is { } setsid) return new UnixProcessGroup(setsid);
        if (File.Exists(Perl)) return new UnixProcessGroup(Perl);
        return new NoContainment();
    }

    /// <inheritdoc />
    public override bool Contains => true;

    /// <inheritdoc />
    public override void Prepare(ProcessStartInfo info)
    {
        var command = info.FileName;
        info.FileName = _launcher;
        var prefix = _launcher == Perl ? new[] { "-e", PerlScript, "--", command } : [command];
        for (var i = 0; i < prefix.Length; i++) info.ArgumentList.Insert(i, prefix[i]);
    }

    /// <inheritdoc />
    public override void Attach(Process child) => _group = child.Id;

    /// <inheritdoc />
    public override IReadOnlyList<LeftProcess> Alive(int exceptPid)
    {
        if (_group == 0) return [];
        return [.. (OperatingSystem.IsLinux() ? FromProc() : FromPs()).Where(p => p.Pid != exceptPid).OrderBy(p => p.Pid)];
    }

    /// <inheritdoc />
    public override void KillAll()
    {
        if (_group == 0) return;
        // A process may start another while the signal is on its way; a few rounds settle it.
        for (var round = 0; round < 5; round++)
        {
            Signal();
            Thread.Sleep(50 * (round + 1));
            if (Alive(exceptPid: -1).Count == 0) return;
        }
    }

    // The shell's kill reaches a whole group with a negative pid, on every Unix, without native
    // calls. Written "kill -9 -<pgid>": dash's kill takes no "--" before a negative pid.
    private void Signal()
    {
        var info = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add($"kill -9 -{_group.ToString(CultureInfo.InvariantCulture)} 2>/dev/null; exit 0");
        using var kill = Process.Start(info);
        kill?.WaitForExit(5000);
    }

    // /proc/<pid>/stat: "pid (comm) state ppid pgrp ..."; comm may hold spaces and parentheses.
    private IEnumerable<LeftProcess> FromProc()
    {
        foreach (var dir in SafeDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            string stat;
            try { stat = File.ReadAllText(Path.Combine(dir, "stat")); }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { continue; }
            var close = stat.LastIndexOf(')');
            if (close < 0) continue;
            var fields = stat[(close + 2)..].Split(' ');
            if (fields.Length < 3 || fields[0] == "Z" || fields[0] == "X") continue;
            if (!int.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var pgrp) || pgrp != _group) continue;
            yield return new LeftProcess(pid, LeftProcess.Cut(CommandLine(dir, stat)));
        }
    }

    private static string CommandLine(string dir, string stat)
    {
        try
        {
            var raw = File.ReadAllText(Path.Combine(dir, "cmdline")).TrimEnd('\0').Replace('\0', ' ');
            if (raw.Length > 0) return raw;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { /* gone meanwhile */ }
        var open = stat.IndexOf('(');
        return open >= 0 ? stat[(open + 1)..stat.LastIndexOf(')')] : "?";
    }

    private static IEnumerable<string> SafeDirectories(string path)
    {
        try { return Directory.GetDirectories(path); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return []; }
    }

    // macOS and the BSDs have no /proc; ps lists every process with its group.
    private IEnumerable<LeftProcess> FromPs()
    {
        var info = new ProcessStartInfo("ps") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-A", "-o", "pid=,pgid=,state=,command=" }) info.ArgumentList.Add(a);
        string output;
        try
        {
            using var ps = Process.Start(info)!;
            output = ps.StandardOutput.ReadToEnd();
            ps.WaitForExit(5000);
        }
        catch (System.ComponentModel.Win32Exception) { yield break; }
        foreach (var line in output.Split('\n'))
        {
            var parts = line.Trim().Split(' ', 4, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 4) continue;
            if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var pgid)
                || pgid != _group || parts[2].StartsWith('Z')) continue;
            yield return new LeftProcess(pid, LeftProcess.Cut(parts[3]));
        }
    }
}
