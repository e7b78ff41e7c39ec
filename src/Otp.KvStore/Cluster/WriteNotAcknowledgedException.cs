namespace Otp.KvStore.Cluster;

/// <summary>A write that reached fewer replicas than the write quorum W: the HTTP API answers 503
/// and does not promise it (it may still spread by anti-entropy, or may not).</summary>
/// <param name="stored">On how many replicas it was stored.</param>
/// <param name="replicas">How many replicas the cluster has.</param>
/// <param name="quorum">W.</param>
public sealed class WriteNotAcknowledgedException(int stored, int replicas, int quorum)
    : Exception($"write not acknowledged: stored on {stored} of {replicas} replicas, {quorum} needed")
{
    /// <summary>On how many replicas the write was stored.</summary>
    public int Stored { get; } = stored;
}
