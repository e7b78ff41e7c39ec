using Otp;
using Otp.Tables;

namespace Lab09.Tables;

/// <summary>Task 3: page hit counters that many processes update at once.</summary>
public static class Counters
{
    /// <summary>Task 3: a new public set for counters, tuned for concurrent writers.</summary>
    public static TableId New(Process self) =>
        throw new NotImplementedException("Task 3 is not written yet: see README, task 3");

    /// <summary>Task 3: counts one hit of <paramref name="page"/> (a page never seen starts at
    /// 0) and returns its new count. Atomic: no hit is lost, however many processes count at once.</summary>
    public static long Hit(Process self, TableId table, string page) =>
        throw new NotImplementedException("Task 3 is not written yet: see README, task 3");

    /// <summary>Task 3: the <paramref name="n"/> most hit pages, most hits first; pages with
    /// as many hits in ordinal order of their names.</summary>
    public static IReadOnlyList<(string Page, long Hits)> Top(Process self, TableId table, int n) =>
        throw new NotImplementedException("Task 3 is not written yet: see README, task 3");
}
