namespace Otp.Distribution.Terms;

/// <summary>
/// Remembers recently decoded atoms by their bytes, so that the atoms every message repeats (node
/// names in each pid, <c>'$gen_call'</c>, <c>ok</c>) are not turned into a new string each time.
/// A fixed table of slots indexed by a hash of the bytes; a collision simply replaces the slot.
/// </summary>
/// <remarks>Each slot holds one immutable entry, written and read as a single reference, so
/// threads decoding at once can only see a whole entry or a stale one; either is correct after
/// the byte comparison.</remarks>
internal static class AtomCache
{
    private sealed record Entry(byte[] Bytes, bool Utf8, Atom Atom);

    private const int Slots = 1024;
    private const int MaxCachedLength = 64;
    private static readonly Entry?[] s_slots = new Entry?[Slots];

    public static bool TryGet(ReadOnlySpan<byte> bytes, bool utf8, out Atom atom)
    {
        if (bytes.Length <= MaxCachedLength && s_slots[Slot(bytes, utf8)] is { } e && e.Utf8 == utf8 && bytes.SequenceEqual(e.Bytes))
        {
            atom = e.Atom;
            return true;
        }
        atom = default;
        return false;
    }

    public static void Add(ReadOnlySpan<byte> bytes, bool utf8, Atom atom)
    {
        if (bytes.Length <= MaxCachedLength) s_slots[Slot(bytes, utf8)] = new Entry(bytes.ToArray(), utf8, atom);
    }

    private static int Slot(ReadOnlySpan<byte> bytes, bool utf8)
    {
        var h = new HashCode();
        h.AddBytes(bytes);
        h.Add(utf8);
        return (int)((uint)h.ToHashCode() % Slots);
    }
}
