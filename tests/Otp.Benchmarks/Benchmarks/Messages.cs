namespace Otp.Benchmarks.Benchmarks;

// The messages of the benchmarks, as immutable records: the C# counterparts of the tuples and
// atoms the BEAM side sends (otp_bench.erl).

/// <summary>Erlang's <c>stop</c>.</summary>
internal sealed record Stop
{
    public static Stop Instance { get; } = new();
}

/// <summary>Erlang's <c>{ping, N}</c>.</summary>
internal sealed record Ping(int N);

/// <summary>Erlang's <c>{pong, N}</c>.</summary>
internal sealed record Pong(int N);

/// <summary>Erlang's <c>{next, Pid}</c>: tells the first process of a ring whom to forward to.</summary>
internal sealed record Next(Pid To);

/// <summary>The ring's token: how many hops are left (a bare integer on the BEAM side).</summary>
internal sealed record Hop(int Remaining);

/// <summary>Erlang's <c>ring_done</c>.</summary>
internal sealed record RingDone
{
    public static RingDone Instance { get; } = new();
}

/// <summary>Erlang's <c>{junk, N}</c>: a message no receive of the benchmark matches.</summary>
internal sealed record Junk(int N);

/// <summary>Erlang's <c>{match, N}</c>.</summary>
internal sealed record Match(int N);

/// <summary>Erlang's <c>{Ref, reply}</c>.</summary>
internal sealed record Reply(Ref Tag);

/// <summary>Erlang's <c>go</c>: starts the senders of a burst.</summary>
internal sealed record Go
{
    public static Go Instance { get; } = new();
}

/// <summary>Erlang's <c>{burst, I}</c>: one message of a burst.</summary>
internal sealed record Burst(int I);

/// <summary>Erlang's <c>burst_done</c>: the receiver of a burst has had every message.</summary>
internal sealed record BurstDone
{
    public static BurstDone Instance { get; } = new();
}
