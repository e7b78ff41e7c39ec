using Otp;
using Otp.Tables;

namespace Lab09.Tables;

/// <summary>Task 4: a named, ordered lookup table that any process reads by name.</summary>
public static class Phonebook
{
    /// <summary>The table's name.</summary>
    public static Atom TableName { get; } = new("phonebook");

    /// <summary>Task 4: creates the named, protected ordered set <see cref="TableName"/>, owned
    /// by <paramref name="self"/>, holding <c>{Name, Number}</c> for every entry.</summary>
    public static void Load(Process self, IEnumerable<(string Name, string Number)> entries) =>
        throw new NotImplementedException("Task 4 is not written yet: see README, task 4");

    /// <summary>Task 4: the number of <paramref name="name"/>, or null.</summary>
    public static string? Number(Process self, string name) =>
        throw new NotImplementedException("Task 4 is not written yet: see README, task 4");

    /// <summary>Task 4: every name from <paramref name="from"/> to <paramref name="to"/>
    /// (both included, ordinal order), found by walking the table's keys, not by reading all of it.</summary>
    public static IReadOnlyList<string> NamesBetween(Process self, string from, string to) =>
        throw new NotImplementedException("Task 4 is not written yet: see README, task 4");
}
