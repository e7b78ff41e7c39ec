namespace Otp.Behaviours;

/// <summary>
/// Who made a <see cref="GenServer.CallAsync(Process, Pid, object, TimeSpan?)"/>: Erlang's
/// <c>From</c>, the <c>{Pid, Tag}</c> a server needs to answer later with
/// <see cref="GenServer.Reply(Process, From, object)"/>.
/// </summary>
/// <param name="Caller">The calling process.</param>
/// <param name="Tag">The call's unique tag; a reply carries it back. Once the caller stops
/// waiting (reply, timeout or server exit) the tag is deactivated and a reply sent to it is
/// dropped.</param>
public sealed record From(Pid Caller, Ref Tag)
{
    /// <summary>The tag exactly as a caller of another node sent it (OTP 24+ sends
    /// <c>[alias|Ref]</c>), echoed in the reply; null for a caller of this node.</summary>
    internal object? WireTag { get; init; }

    /// <summary>Erlang notation, <c>{&lt;0.5.0&gt;,#Ref&lt;…&gt;}</c>.</summary>
    public override string ToString() => $"{{{Caller},{Tag}}}";
}
