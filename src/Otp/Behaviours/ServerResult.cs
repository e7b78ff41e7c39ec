namespace Otp.Behaviours;

/// <summary>
/// What a <see cref="GenServer{TState}"/> callback asks the server loop to do next: Erlang's
/// <c>{reply, Reply, State}</c>, <c>{noreply, State}</c> and <c>{stop, Reason, [Reply,] State}</c>.
/// Make them with the helpers on <see cref="GenServer{TState}"/> (<c>Reply</c>, <c>NoReply</c>,
/// <c>Stop</c>). A result converts implicitly to a <see cref="ValueTask{TResult}"/>, so a callback
/// that never awaits can return one without <c>async</c>.
/// </summary>
/// <typeparam name="TState">The server's state.</typeparam>
public abstract record ServerResult<TState>
{
    private ServerResult() { }

    /// <summary>The state the server continues (or terminates) with.</summary>
    public abstract TState State { get; }

    /// <summary>Answer the caller with <paramref name="Value"/> and go on with <paramref name="State"/>.
    /// Valid from <c>HandleCallAsync</c> only; elsewhere the server stops with <c>bad_return_value</c>.</summary>
    public sealed record Reply(object Value, TState State) : ServerResult<TState>
    {
        /// <inheritdoc/>
        public override TState State { get; } = State;
    }

    /// <summary>Go on with <paramref name="State"/> without answering now (from
    /// <c>HandleCallAsync</c>: answer later with <see cref="GenServer.Reply(Process, From, object)"/>).</summary>
    public sealed record NoReply(TState State) : ServerResult<TState>
    {
        /// <inheritdoc/>
        public override TState State { get; } = State;
    }

    /// <summary>Stop the server with <paramref name="Reason"/>: <c>TerminateAsync</c> runs with
    /// <paramref name="State"/>, then (from a call, if <paramref name="ReplyValue"/> is not null)
    /// the caller gets <paramref name="ReplyValue"/>, then the process exits.</summary>
    public sealed record Stop(ExitReason Reason, TState State, object? ReplyValue = null) : ServerResult<TState>
    {
        /// <inheritdoc/>
        public override TState State { get; } = State;
    }

    /// <summary>Lets a synchronous callback return a result where a <see cref="ValueTask{TResult}"/> is expected.</summary>
    public static implicit operator ValueTask<ServerResult<TState>>(ServerResult<TState> result) => new(result);
}
