using Otp;

namespace Lab06.Nodes;

/// <summary>Task 1: tut17's ping and pong, the two players on two nodes.</summary>
public static class PingPong
{
    /// <summary>The name pong is registered under on its node.</summary>
    public const string PongName = "pong";

    /// <summary>Task 1: spawns <see cref="Pong"/> on <paramref name="node"/>, registered there as
    /// <see cref="PongName"/>; returns its pid.</summary>
    public static Pid StartPong(Node node) =>
        throw new NotImplementedException("Task 1 is not written yet: see README, task 1");

    /// <summary>Task 1: answers every <c>{ping, Pid}</c> with <c>pong</c> sent to that pid, until
    /// <c>finished</c> arrives; then returns (exits normally).</summary>
    public static Task Pong(Process self) =>
        throw new NotImplementedException("Task 1 is not written yet: see README, task 1");

    /// <summary>Task 1: <paramref name="rounds"/> times, sends <c>{ping, self()}</c> to
    /// <c>{pong, PongNode}</c> and waits for <c>pong</c>; then sends <c>finished</c> there and
    /// returns.</summary>
    public static Task Ping(Process self, int rounds, string pongNode) =>
        throw new NotImplementedException("Task 1 is not written yet: see README, task 1");
}
