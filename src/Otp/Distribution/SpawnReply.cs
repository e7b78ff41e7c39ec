namespace Otp.Distribution;

/// <summary>The answer to a spawn request sent to another node: Erlang's
/// <c>{spawn_reply, ReqId, ok, Pid}</c> or <c>{spawn_reply, ReqId, error, Reason}</c>.</summary>
/// <param name="Request">The request's reference.</param>
/// <param name="Result">The new process's <see cref="Pid"/>, or the error atom.</param>
internal sealed record SpawnReply(Ref Request, object Result)
{
    public override string ToString() => Result is Pid p
        ? $"{{spawn_reply,{Request},ok,{p}}}"
        : $"{{spawn_reply,{Request},error,{Otp.Terms.Term.Format(Result)}}}";
}
