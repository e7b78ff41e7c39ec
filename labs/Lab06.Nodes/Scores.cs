using Otp;

namespace Lab06.Nodes;

/// <summary>Task 2: a score server registered by name on one node, called from others as
/// <c>{scores, Node}</c>.</summary>
public static class Scores
{
    /// <summary>The name the server is registered under on its node.</summary>
    public const string ServerName = "scores";

    /// <summary>Task 2: starts the score server on <paramref name="self"/>'s node, registered
    /// as <see cref="ServerName"/>, not linked to <paramref name="self"/>; returns its pid.</summary>
    public static Task<Pid> StartAsync(Process self) =>
        throw new NotImplementedException("Task 2 is not written yet: see README, task 2");

    /// <summary>Task 2: calls <c>{add, Player, Points}</c> (<c>Player</c> an atom) on
    /// <c>{scores, Node}</c> and returns the player's new total. A failed call (no server
    /// there, a node that cannot be reached) throws the call's <see cref="ExitException"/>.</summary>
    public static Task<int> AddAsync(Process self, string node, string player, int points) =>
        throw new NotImplementedException("Task 2 is not written yet: see README, task 2");

    /// <summary>Task 2: calls <c>{total, Player}</c> on <c>{scores, Node}</c> and returns the
    /// player's total, 0 for a player never scored. Fails as <see cref="AddAsync"/>.</summary>
    public static Task<int> TotalAsync(Process self, string node, string player) =>
        throw new NotImplementedException("Task 2 is not written yet: see README, task 2");
}
