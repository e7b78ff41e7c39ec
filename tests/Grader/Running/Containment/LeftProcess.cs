namespace Workbook.Grader.Running.Containment;

/// <summary>An OS process that was still running when the run it belongs to ended.</summary>
/// <param name="Pid">Its process id.</param>
/// <param name="CommandLine">Its command line (or name), cut to a readable length.</param>
public sealed record LeftProcess(int Pid, string CommandLine)
{
    /// <summary>For people: <c>sleep 1000 (pid 4242)</c>.</summary>
    public override string ToString() => $"{CommandLine} (pid {Pid})";

    internal static string Cut(string commandLine) =>
        commandLine.Length <= 120 ? commandLine : commandLine[..117] + "...";
}
