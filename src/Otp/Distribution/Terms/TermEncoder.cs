using System.Buffers;
using System.Buffers.Binary;
using System.Collections;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;

namespace Otp.Distribution.Terms;

/// <summary>Writes C# values as External Term Format terms into a buffer writer.</summary>
internal sealed class TermEncoder(IBufferWriter<byte> output, IExternalTermContext context)
{
    private const ulong MaxV3PortId = (1UL << 28) - 1;

    public void WriteByte(byte b)
    {
        output.GetSpan(1)[0] = b;
        output.Advance(1);
    }

    private void WriteTagged(byte tag, uint value)
    {
        var span = output.GetSpan(5);
        span[0] = tag;
        BinaryPrimitives.WriteUInt32BigEndian(span[1..], value);
        output.Advance(5);
    }

    private void WriteUInt32(uint value)
    {
        BinaryPrimitives.WriteUInt32BigEndian(output.GetSpan(4), value);
        output.Advance(4);
    }

    private void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        // Large binaries may not fit one span the writer hands out; copy in pieces.
        while (!bytes.IsEmpty)
        {
            var span = output.GetSpan(Math.Min(bytes.Length, 64 * 1024));
            var n = Math.Min(span.Length, bytes.Length);
            bytes[..n].CopyTo(span);
            output.Advance(n);
            bytes = bytes[n..];
        }
    }

    public void Write(object? term, int depth)
    {
        if (depth > ExternalTermFormat.MaxDepth)
            throw new ArgumentException($"the term nests deeper than {ExternalTermFormat.MaxDepth} levels");
        switch (term)
        {
            case null: WriteAtom("undefined"); break;
            case Atom a: WriteAtom(a.Name); break;
            case bool b: WriteAtom(b ? "true" : "false"); break;
            case int i: WriteInteger(i); break;
            case long l: WriteInteger(l); break;
            case byte or sbyte or short or ushort or uint or char: WriteInteger(Convert.ToInt64(term, System.Globalization.CultureInfo.InvariantCulture)); break;
            case ulong u when u <= long.MaxValue: WriteInteger((long)u); break;
            case ulong u: WriteBig(new BigInteger(u)); break;
            case BigInteger big: WriteInteger(big); break;
            case double d: WriteFloat(d); break;
            case float f: WriteFloat(f); break;
            case string s: WriteString(s); break;
            case Binary bin: WriteBinary(bin.Bytes, bin.LastByteBits); break;
            case byte[] bytes: WriteBinary(bytes, 8); break;
            case Pid pid: WritePid(pid); break;
            case Ref r: WriteRef(r); break;
            case Port port: WritePort(port); break;
            case Fun fun: WriteBytes(fun.ExternalBytes); break;
            case ErlangTuple t: WriteTuple(t, depth); break;
            case ErlangList l: WriteList(l, l.Count, l.Tail, depth); break;
            case ErlangMap m: WriteMap(m, depth); break;
            case ExitReason reason: Write(reason.Term, depth); break;
            case var _ when RecordShape.For(term.GetType()) is { } shape: WriteTuple(shape.ToTuple(term), depth); break;
            case ITuple t: WriteTuple(t, depth); break;
            case IDictionary d: WriteMap(TermConvert.ToMap(d), depth); break;
            case IEnumerable e:
                var items = e.Cast<object?>().ToArray();
                WriteList(items, items.Length, null, depth);
                break;
            default:
                throw new ArgumentException($"a {term.GetType().Name} has no Erlang form (docs/distribution.md lists the mapping)");
        }
    }

    private void WriteAtom(string name)
    {
        var length = Encoding.UTF8.GetByteCount(name);
        // Fewer than 256 UTF-16 units is fewer than 256 characters; count runes only beyond.
        if (name.Length > 255 && name.EnumerateRunes().Count() > 255)
            throw new ArgumentException($"an atom has at most 255 characters: {name[..20]}...");
        if (length <= 255)
        {
            var span = output.GetSpan(2 + length);
            span[0] = Tag.SmallAtomUtf8;
            span[1] = (byte)length;
            Encoding.UTF8.GetBytes(name, span[2..]);
            output.Advance(2 + length);
        }
        else
        {
            var span = output.GetSpan(3 + length);
            span[0] = Tag.AtomUtf8;
            BinaryPrimitives.WriteUInt16BigEndian(span[1..], (ushort)length);
            Encoding.UTF8.GetBytes(name, span[3..]);
            output.Advance(3 + length);
        }
    }

    private void WriteInteger(long value)
    {
        if (value is >= 0 and <= 255)
        {
            var span = output.GetSpan(2);
            span[0] = Tag.SmallInteger;
            span[1] = (byte)value;
            output.Advance(2);
        }
        else if (value is >= int.MinValue and <= int.MaxValue)
            WriteTagged(Tag.Integer, (uint)(int)value);
        else
        {
            // SMALL_BIG: the magnitude in as few little-endian bytes as it needs, then the sign.
            var magnitude = value < 0 ? (ulong)(-(value + 1)) + 1 : (ulong)value;
            var n = (64 - BitOperations.LeadingZeroCount(magnitude) + 7) / 8;
            var span = output.GetSpan(3 + n);
            span[0] = Tag.SmallBig;
            span[1] = (byte)n;
            span[2] = value < 0 ? (byte)1 : (byte)0;
            for (var i = 0; i < n; i++) span[3 + i] = (byte)(magnitude >> (8 * i));
            output.Advance(3 + n);
        }
    }

    private void WriteInteger(BigInteger value)
    {
        if (value >= long.MinValue && value <= long.MaxValue) WriteInteger((long)value);
        else WriteBig(value);
    }

    private void WriteBig(BigInteger value)
    {
        var magnitude = BigInteger.Abs(value);
        var n = magnitude.GetByteCount(isUnsigned: true);
        if (n <= 255)
        {
            var span = output.GetSpan(3);
            span[0] = Tag.SmallBig;
            span[1] = (byte)n;
            span[2] = value.Sign < 0 ? (byte)1 : (byte)0;
            output.Advance(3);
        }
        else
        {
            WriteTagged(Tag.LargeBig, (uint)n);
            WriteByte(value.Sign < 0 ? (byte)1 : (byte)0);
        }
        var digits = output.GetSpan(n);
        magnitude.TryWriteBytes(digits, out var written, isUnsigned: true, isBigEndian: false);
        output.Advance(written);
    }

    private void WriteFloat(double value)
    {
        if (!double.IsFinite(value))
            throw new ArgumentException($"Erlang floats are finite; {value} has no Erlang form");
        var span = output.GetSpan(9);
        span[0] = Tag.NewFloat;
        BinaryPrimitives.WriteDoubleBigEndian(span[1..], value);
        output.Advance(9);
    }

    /// <summary>A C# string is an Erlang string: the list of its code points.</summary>
    private void WriteString(string s)
    {
        if (s.Length == 0)
        {
            WriteByte(Tag.Nil);
            return;
        }
        var latin1 = s.Length <= ushort.MaxValue;
        foreach (var c in s)
            if (c > 255) { latin1 = false; break; }
        if (latin1)
        {
            var span = output.GetSpan(3 + s.Length);
            span[0] = Tag.String;
            BinaryPrimitives.WriteUInt16BigEndian(span[1..], (ushort)s.Length);
            for (var i = 0; i < s.Length; i++) span[3 + i] = (byte)s[i];
            output.Advance(3 + s.Length);
            return;
        }
        var points = new List<object?>(s.Length);
        foreach (var rune in s.EnumerateRunes()) points.Add(rune.Value);
        WriteList(points, points.Count, null, 0);
    }

    private void WriteBinary(ReadOnlySpan<byte> bytes, int lastByteBits)
    {
        if (lastByteBits == 8)
            WriteTagged(Tag.Binary, (uint)bytes.Length);
        else
        {
            WriteTagged(Tag.BitBinary, (uint)bytes.Length);
            WriteByte((byte)lastByteBits);
        }
        WriteBytes(bytes);
    }

    private void WritePid(Pid pid)
    {
        // A pid another distributed node handed out (its Spawn's result, inside a message sent
        // from this node) names a process of that node, as an Erlang pid carries its node.
        if (pid.RemoteNode is null && pid.Process?.Node is { IsDistributed: true } owner && owner.Name != context.NodeName.Name)
            pid = owner.RemotePid(pid);
        var (node, id, serial, creation) = pid.RemoteNode is { } remote
            ? (remote, (uint)pid.Number, (uint)(pid.Number >> 32), pid.Creation)
            : Local(context.PidIdentity(pid));
        WriteByte(Tag.NewPid);
        WriteAtom(node.Name);
        WriteUInt32(id);
        WriteUInt32(serial);
        WriteUInt32(creation);

        (Atom, uint, uint, uint) Local((uint Id, uint Serial) w) => (context.NodeName, w.Id, w.Serial, context.Creation);
    }

    private void WriteRef(Ref r)
    {
        Span<uint> ids = stackalloc uint[5];
        Atom node;
        uint creation;
        int count;
        if (r.RemoteNode is { } remote)
        {
            node = remote;
            creation = r.Creation;
            r.RemoteIds.CopyTo(ids);
            count = r.RemoteIds.Length;
        }
        else
        {
            node = context.NodeName;
            creation = context.Creation;
            count = context.RefIdentity(r, ids);
            if (count is < 1 or > 5) throw new InvalidOperationException($"the context gave {count} id words for {r}; 1 to 5 travel");
        }
        var span = output.GetSpan(3);
        span[0] = Tag.NewerReference;
        BinaryPrimitives.WriteUInt16BigEndian(span[1..], (ushort)count);
        output.Advance(3);
        WriteAtom(node.Name);
        WriteUInt32(creation);
        for (var i = 0; i < count; i++) WriteUInt32(ids[i]);
    }

    private void WritePort(Port port)
    {
        // As term_to_binary: NEW_PORT_EXT while the id fits the 28 bits ports had before OTP 24
        // (checked against erl, ErlangRoundTripTests), V4_PORT_EXT beyond.
        if (port.Id <= MaxV3PortId)
        {
            WriteByte(Tag.NewPort);
            WriteAtom(port.NodeName.Name);
            WriteUInt32((uint)port.Id);
        }
        else
        {
            WriteByte(Tag.V4Port);
            WriteAtom(port.NodeName.Name);
            BinaryPrimitives.WriteUInt64BigEndian(output.GetSpan(8), port.Id);
            output.Advance(8);
        }
        WriteUInt32(port.Creation);
    }

    private void WriteTuple(ITuple t, int depth)
    {
        if (t.Length <= 255)
        {
            var span = output.GetSpan(2);
            span[0] = Tag.SmallTuple;
            span[1] = (byte)t.Length;
            output.Advance(2);
        }
        else WriteTagged(Tag.LargeTuple, (uint)t.Length);
        for (var i = 0; i < t.Length; i++) Write(t[i], depth + 1);
    }

    private void WriteList(IReadOnlyList<object?> items, int count, object? tail, int depth)
    {
        if (count == 0 && tail is null)
        {
            WriteByte(Tag.Nil);
            return;
        }
        // term_to_binary writes a proper list of bytes as STRING_EXT; doing the same keeps the
        // bytes identical to Erlang's.
        if (tail is null && count <= ushort.MaxValue && AllBytes(items))
        {
            var span = output.GetSpan(3 + count);
            span[0] = Tag.String;
            BinaryPrimitives.WriteUInt16BigEndian(span[1..], (ushort)count);
            for (var i = 0; i < count; i++) span[3 + i] = items[i] is BigInteger big ? (byte)big : (byte)Convert.ToInt64(items[i], System.Globalization.CultureInfo.InvariantCulture);
            output.Advance(3 + count);
            return;
        }
        WriteTagged(Tag.List, (uint)count);
        for (var i = 0; i < count; i++) Write(items[i], depth + 1);
        if (tail is null) WriteByte(Tag.Nil);
        else Write(tail, depth + 1);
    }

    private static bool AllBytes(IReadOnlyList<object?> items)
    {
        for (var k = 0; k < items.Count; k++)
        {
            var item = items[k];
            var ok = item switch
            {
                int i => i is >= 0 and <= 255,
                long l => l is >= 0 and <= 255,
                byte => true,
                sbyte or short or ushort or uint or ulong or char => Convert.ToInt64(item, System.Globalization.CultureInfo.InvariantCulture) is >= 0 and <= 255,
                BigInteger b => b >= 0 && b <= 255,
                _ => false,
            };
            if (!ok) return false;
        }
        return true;
    }

    private void WriteMap(ErlangMap map, int depth)
    {
        WriteTagged(Tag.Map, (uint)map.Count);
        foreach (var (k, v) in map)
        {
            Write(k, depth + 1);
            Write(v, depth + 1);
        }
    }
}
