namespace Otp.Tests;

// Messages shared by the runtime's tests.
public sealed record Ping(Pid From, int N);
public sealed record Pong(int N);
public sealed record Prio(int Level, string Tag);
public sealed record Hello(int Sender, int N);
