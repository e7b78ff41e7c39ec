using Otp.Tables;

namespace Lab09.Tables.Tests;

public class PhonebookTests
{
    private static readonly (string, string)[] Entries =
        [("dora", "555-0104"), ("alice", "555-0101"), ("erin", "555-0105"), ("bob", "555-0102"), ("carol", "555-0103")];

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task4_AnyProcessFindsANumberByTheTablesName()
    {
        var run = await Lab.RunAsync(async self =>
        {
            Phonebook.Load(self, Entries);
            var me = self.Self;
            self.Spawn(async other => other.Send(me, new[] { Phonebook.Number(other, "carol"), Phonebook.Number(other, "zed") }));
            var found = await self.Receive<string?[]>();
            return (found, Ets.Info(self, Phonebook.TableName));
        });
        Assert.Equal(new string?[] { "555-0103", null }, run.Result.found);
        var info = run.Result.Item2;
        Assert.NotNull(info);
        Assert.Equal((TableType.OrderedSet, true, TableAccess.Protected, 5), (info.Type, info.NamedTable, info.Protection, info.Size));
    }

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task4_NamesBetweenWalksTheKeysInOrder()
    {
        var run = await Lab.RunAsync(async self =>
        {
            Phonebook.Load(self, Entries);
            return new[]
            {
                Phonebook.NamesBetween(self, "bob", "dora"),
                Phonebook.NamesBetween(self, "b", "d"),
                Phonebook.NamesBetween(self, "a", "zzz"),
                Phonebook.NamesBetween(self, "f", "z"),
                Phonebook.NamesBetween(self, "carol", "carol"),
            };
        });
        Assert.Equal(["bob", "carol", "dora"], run.Result[0]);
        Assert.Equal(["bob", "carol"], run.Result[1]);
        Assert.Equal(["alice", "bob", "carol", "dora", "erin"], run.Result[2]);
        Assert.Empty(run.Result[3]);
        Assert.Equal(["carol"], run.Result[4]);
    }
}
