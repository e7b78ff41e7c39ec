using Otp;
using Otp.Behaviours;

namespace Lab06.Nodes;

/// <summary>Task 2: a score server registered by name on one node, called from others as
/// <c>{scores, Node}</c>.</summary>
public static class Scores
{
    /// <summary>The name the server is registered under on its node.</summary>
    public const string ServerName = "scores";

    /// <summary>Task 2: starts the score server on <paramref name="self"/>'s node, registered
    /// as <see cref="ServerName"/>, not linked to <paramref name="self"/>; returns its pid.</summary>
    public static async Task<Pid> StartAsync(Process self) =>
        await GenServer.StartAsync(self, new ScoreServer(), ServerName);

    /// <summary>Task 2: calls <c>{add, Player, Points}</c> (<c>Player</c> an atom) on
    /// <c>{scores, Node}</c> and returns the player's new total. A failed call (no server
    /// there, a node that cannot be reached) throws the call's <see cref="ExitException"/>.</summary>
    public static async Task<int> AddAsync(Process self, string node, string player, int points) =>
        (int)await GenServer.CallAsync(self, ServerName, node, new ErlangTuple(new Atom("add"), new Atom(player), points));

    /// <summary>Task 2: calls <c>{total, Player}</c> on <c>{scores, Node}</c> and returns the
    /// player's total, 0 for a player never scored. Fails as <see cref="AddAsync"/>.</summary>
    public static async Task<int> TotalAsync(Process self, string node, string player) =>
        (int)await GenServer.CallAsync(self, ServerName, node, new ErlangTuple(new Atom("total"), new Atom(player)));

    // The requests come as ErlangTuple from another node and as the same ErlangTuple from this
    // one; the positional patterns read both.
    private sealed class ScoreServer : GenServer<Dictionary<Atom, int>>
    {
        protected override ValueTask<Dictionary<Atom, int>> InitAsync() => ValueTask.FromResult(new Dictionary<Atom, int>());

        protected override ValueTask<ServerResult<Dictionary<Atom, int>>> HandleCallAsync(object request, From from, Dictionary<Atom, int> totals)
        {
            switch (request)
            {
                case (Atom { Name: "add" }, Atom player, int points):
                    var total = totals.GetValueOrDefault(player) + points;
                    totals[player] = total;
                    return ValueTask.FromResult(Reply(total, totals));
                case (Atom { Name: "total" }, Atom player):
                    return ValueTask.FromResult(Reply(totals.GetValueOrDefault(player), totals));
                default:
                    return ValueTask.FromResult(Reply(new Atom("badrequest"), totals));
            }
        }
    }
}
