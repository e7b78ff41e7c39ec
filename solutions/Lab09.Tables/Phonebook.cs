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
    public static void Load(Process self, IEnumerable<(string Name, string Number)> entries)
    {
        Ets.New(self, TableName, new TableOptions { Type = TableType.OrderedSet, Named = true });
        Ets.Insert(self, TableName, entries.Select(e => (System.Runtime.CompilerServices.ITuple)e));
    }

    /// <summary>Task 4: the number of <paramref name="name"/>, or null.</summary>
    public static string? Number(Process self, string name) =>
        Ets.Lookup(self, TableName, name) is [var entry] ? (string?)entry[1] : null;

    /// <summary>Task 4: every name from <paramref name="from"/> to <paramref name="to"/>
    /// (both included, ordinal order), found by walking the table's keys, not by reading all of it.</summary>
    public static IReadOnlyList<string> NamesBetween(Process self, string from, string to)
    {
        var names = new List<string>();
        var key = Ets.Member(self, TableName, from) ? from : Ets.Next(self, TableName, from);
        while (key is string name && string.CompareOrdinal(name, to) <= 0)
        {
            names.Add(name);
            key = Ets.Next(self, TableName, name);
        }
        return names;
    }
}
