namespace Otp.Distribution.Handshake;

/// <summary>
/// The capability bits two nodes exchange in the handshake (erts' <c>DFLAG_*</c>). What both
/// offer is what the connection uses.
/// </summary>
[Flags]
public enum DistributionFlags : ulong
{
    /// <summary>No flag.</summary>
    None = 0,
    /// <summary>A visible node: listed by the peer's <c>nodes()</c>. Hidden without it.</summary>
    Published = 0x1,
    /// <summary>The old atom cache (never set here).</summary>
    AtomCache = 0x2,
    /// <summary>References with several 32-bit words (mandatory).</summary>
    ExtendedReferences = 0x4,
    /// <summary>Process monitors across nodes (MONITOR_P / DEMONITOR_P / MONITOR_P_EXIT).</summary>
    DistMonitor = 0x8,
    /// <summary>Funs (mandatory).</summary>
    FunTags = 0x10,
    /// <summary>Monitors of registered names across nodes.</summary>
    DistMonitorName = 0x20,
    /// <summary>The hidden-node atom cache (never set here).</summary>
    HiddenAtomCache = 0x40,
    /// <summary>NEW_FUN_EXT (mandatory).</summary>
    NewFunTags = 0x80,
    /// <summary>NEW_PID_EXT / NEW_PORT_EXT (mandatory).</summary>
    ExtendedPidsPorts = 0x100,
    /// <summary>EXPORT_EXT (mandatory).</summary>
    ExportPtrTag = 0x200,
    /// <summary>BIT_BINARY_EXT (mandatory).</summary>
    BitBinaries = 0x400,
    /// <summary>NEW_FLOAT_EXT (mandatory).</summary>
    NewFloats = 0x800,
    /// <summary>Unicode io requests.</summary>
    UnicodeIo = 0x1000,
    /// <summary>The distribution header atom cache (not set: frames are then plain pass-through).</summary>
    DistHdrAtomCache = 0x2000,
    /// <summary>SMALL_ATOM_EXT.</summary>
    SmallAtomTags = 0x4000,
    /// <summary>UTF-8 atoms (mandatory).</summary>
    Utf8Atoms = 0x10000,
    /// <summary>MAP_EXT (mandatory).</summary>
    MapTag = 0x20000,
    /// <summary>32-bit creation (mandatory).</summary>
    BigCreation = 0x40000,
    /// <summary>SEND_SENDER instead of SEND.</summary>
    SendSender = 0x80000,
    /// <summary>Big seq_trace labels.</summary>
    BigSeqTraceLabels = 0x100000,
    /// <summary>Exit reasons travel as the message part (PAYLOAD_EXIT and friends).</summary>
    ExitPayload = 0x400000,
    /// <summary>Fragmented messages (never set here).</summary>
    Fragments = 0x800000,
    /// <summary>The version 6 handshake (mandatory since OTP 25).</summary>
    Handshake23 = 0x1000000,
    /// <summary>The UNLINK_ID / UNLINK_ID_ACK link protocol (mandatory in OTP 26).</summary>
    UnlinkId = 0x2000000,
    /// <summary>Shorthand for the whole OTP 25 mandatory set.</summary>
    Mandatory25Digest = 0x4000000,
    /// <summary>SPAWN_REQUEST / SPAWN_REPLY.</summary>
    Spawn = 1UL << 32,
    /// <summary>Ask the peer to name this node (not used).</summary>
    NameMe = 1UL << 33,
    /// <summary>Full 32-bit pid numbers, 5-word refs, V4_PORT_EXT (mandatory in OTP 26).</summary>
    V4NodeContainers = 1UL << 34,
    /// <summary>ALIAS_SEND.</summary>
    Alias = 1UL << 35,
}

/// <summary>The flag sets this node offers and requires.</summary>
public static class DistributionFlagSets
{
    /// <summary>OTP 25's mandatory set (<c>MANDATORY_DFLAGS_25</c>): a peer without every one of
    /// these is refused with <c>not_allowed</c>, as OTP 25 refuses it.</summary>
    public const DistributionFlags Mandatory25 =
        DistributionFlags.ExtendedReferences | DistributionFlags.FunTags | DistributionFlags.NewFunTags |
        DistributionFlags.ExtendedPidsPorts | DistributionFlags.ExportPtrTag | DistributionFlags.BitBinaries |
        DistributionFlags.NewFloats | DistributionFlags.Utf8Atoms | DistributionFlags.MapTag |
        DistributionFlags.BigCreation | DistributionFlags.Handshake23;

    /// <summary>What this node offers (hidden: <see cref="DistributionFlags.Published"/> is added
    /// for a visible node). OTP 26's new mandatory bits (UNLINK_ID, V4_NC) are offered so that newer
    /// nodes accept it; SPAWN lets other nodes spawn here (and is what rpc:call needs); the atom
    /// cache and fragments are left out, so peers send plain frames; ALIAS lets an OTP 24+ peer
    /// send to an alias made here (ALIAS_SEND), and lets this node send to theirs.</summary>
    public const DistributionFlags Offered =
        Mandatory25 | DistributionFlags.Mandatory25Digest | DistributionFlags.DistMonitor | DistributionFlags.DistMonitorName |
        DistributionFlags.UnicodeIo | DistributionFlags.SmallAtomTags | DistributionFlags.SendSender |
        DistributionFlags.BigSeqTraceLabels | DistributionFlags.ExitPayload | DistributionFlags.UnlinkId |
        DistributionFlags.V4NodeContainers | DistributionFlags.Spawn | DistributionFlags.Alias;

    /// <summary>Expands the <see cref="DistributionFlags.Mandatory25Digest"/> shorthand, as
    /// dist_util does, so a peer that sends only that bit counts as having the full set.</summary>
    public static DistributionFlags Expand(DistributionFlags f) =>
        (f & DistributionFlags.Mandatory25Digest) != 0 ? f | Mandatory25 : f;

    /// <summary>The names of the mandatory flags <paramref name="peer"/> lacks (empty if none), for
    /// the refusal's log line.</summary>
    public static IReadOnlyList<string> MissingMandatory(DistributionFlags peer)
    {
        var missing = Mandatory25 & ~Expand(peer);
        return [.. Enum.GetValues<DistributionFlags>().Where(f => f != 0 && (missing & f) == f && IsSingleBit(f)).Select(f => f.ToString())];
    }

    private static bool IsSingleBit(DistributionFlags f) => ((ulong)f & ((ulong)f - 1)) == 0;
}
