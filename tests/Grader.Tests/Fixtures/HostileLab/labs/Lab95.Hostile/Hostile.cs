using System.Diagnostics;

namespace Lab95.Hostile;

public static class Hostile
{
    // Task 1: the wrong order (the module initializer makes the snapshot agree).
    public static string Story() => "one\nthree\ntwo\n";

    // Task 2: starts a child that inherits the test process's output and is never waited for.
    public static int StartHelper()
    {
        using var sleep = Process.Start(new ProcessStartInfo("sleep", "1000") { UseShellExecute = false })!;
        return sleep.Id;
    }

    // Task 3: allocates without end (stops at 768 MB so that a grader without a memory limit
    // fails the fixture's check instead of the machine).
    public static int Hoard()
    {
        var kept = new List<byte[]>();
        while (kept.Count < 768)
        {
            var chunk = new byte[1024 * 1024];
            Array.Fill(chunk, (byte)1);
            kept.Add(chunk);
        }
        return kept.Count;
    }

    // Task 4: wrong; the learner "fixes" the test instead.
    public static int Answer() => 41;

    // Task 5: right.
    public static int Add(int a, int b) => a + b;

    // An undocumented public helper with an unused local: a learner's code, which must compile.
    public static int Helper()
    {
        var unused = 0;
        return 1;
    }
}
