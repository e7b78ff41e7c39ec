namespace Otp.Crdts.Replication;

/// <summary>The messages a replica process understands: from its group (commands) and from its peers (anti-entropy).</summary>
internal static class ReplicaProtocol
{
    internal const int Envelope = 16;

    internal sealed record Peers(IReadOnlyDictionary<ReplicaId, Pid> All);
    internal sealed record Update<T>(Func<T, T> DeltaMutator);
    internal sealed record Tick;
    internal sealed record Reach(IReadOnlySet<ReplicaId> Reachable);
    internal sealed record Get(Pid ReplyTo, Ref Tag);
    internal sealed record GetStats(Pid ReplyTo, Ref Tag);
    internal sealed record Reply(Ref Tag, object Value);

    internal sealed record State<T>(ReplicaId From, T Payload);
    internal sealed record Delta<T>(ReplicaId From, T Payload, long UpTo);
    internal sealed record Ack(ReplicaId From, long UpTo);
}
