namespace Otp.Behaviours;

// The messages the gen_server protocol puts on the wire. They print the way Erlang's do, so a
// trace of a C# server reads like a trace of an Erlang one.

/// <summary>A synchronous request: Erlang's <c>{'$gen_call', From, Request}</c>.</summary>
internal sealed record GenCall(From From, object Request)
{
    public override string ToString() => $"{{'$gen_call',{From},{Terms.Term.Format(Request)}}}";
}

/// <summary>An asynchronous request: Erlang's <c>{'$gen_cast', Request}</c>.</summary>
internal sealed record GenCast(object Request)
{
    public override string ToString() => $"{{'$gen_cast',{Terms.Term.Format(Request)}}}";
}

/// <summary>The answer to a <see cref="GenCall"/>: Erlang's <c>{Tag, Reply}</c>, sent to the tag.</summary>
internal sealed record GenReply(Ref Tag, object Value)
{
    public override string ToString() => $"{{{Tag},{Terms.Term.Format(Value)}}}";
}

/// <summary>A request to stop (what <c>gen_server:stop/3</c> sends as a system message).</summary>
internal sealed record GenStop(ExitReason Reason)
{
    public override string ToString() => $"{{system,terminate,{Reason}}}";
}

/// <summary>The answer of a server's init to its starter: Erlang's <c>proc_lib:init_ack/1</c>.</summary>
internal sealed record InitAck(Ref Tag, Pid Server, ExitReason? Error)
{
    public override string ToString() => Error is null ? $"{{ack,{Server},{{ok,{Server}}}}}" : $"{{ack,{Server},{{error,{Error}}}}}";
}
