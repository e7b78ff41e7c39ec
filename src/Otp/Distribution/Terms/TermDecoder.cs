using System.Buffers.Binary;
using System.IO.Compression;
using System.Numerics;
using System.Text;

namespace Otp.Distribution.Terms;

/// <summary>
/// Reads one External Term Format term from a span. Every length is checked against the bytes that
/// remain before anything is allocated, so a hostile length cannot make it allocate more than a
/// small multiple of its input; nesting is bounded by <see cref="ExternalTermFormat.MaxDepth"/>.
/// </summary>
internal ref struct TermDecoder(ReadOnlySpan<byte> input, IExternalTermContext context)
{
    private static readonly UTF8Encoding s_strictUtf8 = new(false, throwOnInvalidBytes: true);
    private static readonly object[] s_smallInts = Enumerable.Range(0, 256).Select(i => (object)i).ToArray();

    private readonly ReadOnlySpan<byte> _input = input;
    private readonly IExternalTermContext _context = context;
    private int _pos;

    public readonly int Position => _pos;

    private readonly int Remaining => _input.Length - _pos;

    private readonly ExternalTermFormatException Fail(string reason) => new(_pos, reason);

    public object ReadVersioned()
    {
        var version = ReadByte();
        if (version != ExternalTermFormat.Version)
            throw new ExternalTermFormatException(0, $"version byte is {version}, not {ExternalTermFormat.Version}");
        if (Remaining > 0 && _input[_pos] == Tag.Compressed)
        {
            _pos++;
            return ReadCompressed();
        }
        return Read(0);
    }

    private object ReadCompressed()
    {
        var start = _pos;
        var size = ReadUInt32();
        if (size is 0 or > ExternalTermFormat.MaxUncompressedSize)
            throw new ExternalTermFormatException(start, $"a compressed term declares {size} bytes uncompressed (1 to {ExternalTermFormat.MaxUncompressedSize} accepted)");
        var inflated = new byte[size];
        var total = 0;
        try
        {
            using var zlib = new ZLibStream(new MemoryStream(_input[_pos..].ToArray(), writable: false), CompressionMode.Decompress);
            int n;
            while (total < inflated.Length && (n = zlib.Read(inflated, total, inflated.Length - total)) > 0) total += n;
            if (total < inflated.Length) throw Fail($"the compressed term inflates to {total} bytes, not the {size} it declares");
            Span<byte> probe = stackalloc byte[1];
            if (zlib.Read(probe) != 0) throw Fail($"the compressed term inflates to more than the {size} bytes it declares");
        }
        catch (InvalidDataException e)
        {
            throw new ExternalTermFormatException(_pos, "the compressed data is not valid zlib", e);
        }
        var inner = new TermDecoder(inflated, _context);
        object term;
        try
        {
            term = inner.Read(0);
        }
        catch (ExternalTermFormatException e)
        {
            throw new ExternalTermFormatException(_pos, $"inside the compressed term, at uncompressed byte {e.Position}: {e.Reason}", e);
        }
        if (inner.Position != inflated.Length)
            throw Fail($"the compressed term holds {inflated.Length - inner.Position} bytes after its term");
        _pos = _input.Length;
        return term;
    }

    private byte ReadByte()
    {
        if (Remaining < 1) throw Fail("the input ends in the middle of a term");
        return _input[_pos++];
    }

    private ReadOnlySpan<byte> Take(long count)
    {
        if (count > Remaining) throw Fail($"{count} bytes are needed, only {Remaining} remain");
        var span = _input.Slice(_pos, (int)count);
        _pos += (int)count;
        return span;
    }

    private ushort ReadUInt16() => BinaryPrimitives.ReadUInt16BigEndian(Take(2));

    private uint ReadUInt32() => BinaryPrimitives.ReadUInt32BigEndian(Take(4));

    /// <summary>Checks that <paramref name="count"/> items of at least <paramref name="minBytes"/>
    /// bytes each can still follow, before an array for them is allocated.</summary>
    private readonly void CheckCount(long count, int minBytes, string what, int andThen = 0)
    {
        if (count * minBytes + andThen > Remaining)
            throw Fail($"{what} declares {count} elements, but only {Remaining} bytes remain");
    }

    public object Read(int depth)
    {
        if (depth > ExternalTermFormat.MaxDepth) throw Fail($"terms nest deeper than {ExternalTermFormat.MaxDepth} levels");
        var tagAt = _pos;
        var tag = ReadByte();
        switch (tag)
        {
            case Tag.SmallInteger: return s_smallInts[ReadByte()];
            case Tag.Integer: return (int)ReadUInt32();
            case Tag.SmallBig: return ReadBig(ReadByte());
            case Tag.LargeBig: return ReadBig(ReadUInt32());
            case Tag.NewFloat:
            {
                var d = BinaryPrimitives.ReadDoubleBigEndian(Take(8));
                if (!double.IsFinite(d)) throw new ExternalTermFormatException(tagAt, "a float that is not finite");
                return d;
            }
            case Tag.Float: return ReadOldFloat(tagAt);
            case Tag.AtomUtf8: case Tag.SmallAtomUtf8: case Tag.Atom: case Tag.SmallAtom:
                _pos = tagAt;
                return ReadAtom();
            case Tag.SmallTuple: return ReadTuple(ReadByte(), depth);
            case Tag.LargeTuple: return ReadTuple(ReadUInt32(), depth);
            case Tag.Nil: return ErlangList.Nil;
            case Tag.String:
            {
                var bytes = Take(ReadUInt16());
                var items = new object?[bytes.Length];
                for (var i = 0; i < items.Length; i++) items[i] = s_smallInts[bytes[i]];
                return ErlangList.Wrap(items, null);
            }
            case Tag.List: return ReadList(depth);
            case Tag.Binary: return Binary.Wrap(Take(ReadUInt32()).ToArray(), 8);
            case Tag.BitBinary:
            {
                var length = ReadUInt32();
                var bits = ReadByte();
                // As binary_to_term: a partial last byte exactly when there is a last byte.
                if (bits > 8 || (bits == 0) != (length == 0)) throw new ExternalTermFormatException(tagAt, $"a bitstring of {length} bytes cannot end with {bits} bits");
                var bytes = Take(length);
                return length == 0 ? Binary.Wrap([], 8) : Binary.BitString(bytes, bits);
            }
            case Tag.Map: return ReadMap(depth, tagAt);
            case Tag.NewPid: return ReadPid(wideCreation: true);
            case Tag.Pid: return ReadPid(wideCreation: false);
            case Tag.NewPort: return ReadPort(wideId: false, wideCreation: true);
            case Tag.V4Port: return ReadPort(wideId: true, wideCreation: true);
            case Tag.Port: return ReadPort(wideId: false, wideCreation: false);
            case Tag.NewerReference: return ReadRef(ReadUInt16(), wideCreation: true, tagAt);
            case Tag.NewReference: return ReadRef(ReadUInt16(), wideCreation: false, tagAt);
            case Tag.Reference:
            {
                var node = ReadAtom();
                var id = ReadUInt32();
                var creation = ReadByte();
                return MakeRef(node, creation, [id]);
            }
            case Tag.NewFun: return ReadNewFun(tagAt);
            case Tag.Export: return ReadExport(tagAt, depth);
            case Tag.Compressed: throw new ExternalTermFormatException(tagAt, "a compressed term may only follow the version byte");
            case Tag.AtomCacheRef: throw new ExternalTermFormatException(tagAt, "an atom cache reference, but this codec never negotiates DFLAG_DIST_HDR_ATOM_CACHE");
            case Tag.Fun: throw new ExternalTermFormatException(tagAt, "FUN_EXT (117) is obsolete; OTP 23 and later do not decode it either");
            default: throw new ExternalTermFormatException(tagAt, $"unknown tag {tag}");
        }
    }

    private object ReadBig(uint n)
    {
        var sign = ReadByte();
        if (sign > 1) throw Fail($"a big integer's sign byte is {sign}, not 0 or 1");
        var digits = Take(n);
        if (n <= 8)
        {
            ulong magnitude = 0;
            for (var i = digits.Length - 1; i >= 0; i--) magnitude = (magnitude << 8) | digits[i];
            if (sign == 0 && magnitude <= long.MaxValue) return Small((long)magnitude);
            if (sign == 1 && magnitude <= (ulong)long.MaxValue + 1) return Small(magnitude == (ulong)long.MaxValue + 1 ? long.MinValue : -(long)magnitude);
        }
        var big = new BigInteger(digits, isUnsigned: true, isBigEndian: false);
        return sign == 1 ? -big : big;
    }

    /// <summary>The decoded type depends only on the value: int, else long, else BigInteger.</summary>
    private static object Small(long value) => value is >= int.MinValue and <= int.MaxValue
        ? value is >= 0 and <= 255 ? s_smallInts[value] : (int)value
        : value;

    private object ReadOldFloat(int tagAt)
    {
        var text = Take(31);
        var end = text.IndexOf((byte)0);
        var s = Encoding.ASCII.GetString(end < 0 ? text : text[..end]);
        if (!double.TryParse(s, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d) || !double.IsFinite(d))
            throw new ExternalTermFormatException(tagAt, $"FLOAT_EXT text '{s}' is not a float");
        return d;
    }

    private Atom ReadAtom()
    {
        var at = _pos;
        var tag = ReadByte();
        var (length, utf8) = tag switch
        {
            Tag.SmallAtomUtf8 => (ReadByte(), true),
            Tag.AtomUtf8 => (ReadUInt16(), true),
            Tag.SmallAtom => (ReadByte(), false),
            Tag.Atom => (ReadUInt16(), false),
            _ => throw new ExternalTermFormatException(at, $"an atom was expected, tag {tag} found"),
        };
        var bytes = Take(length);
        if (AtomCache.TryGet(bytes, utf8, out var cached)) return cached;
        string name;
        if (utf8)
        {
            try
            {
                name = s_strictUtf8.GetString(bytes);
            }
            catch (DecoderFallbackException e)
            {
                throw new ExternalTermFormatException(at, "an atom's name is not valid UTF-8", e);
            }
            if (length > 255 && name.EnumerateRunes().Count() > 255) throw new ExternalTermFormatException(at, "an atom longer than 255 characters");
        }
        else
        {
            if (length > 255) throw new ExternalTermFormatException(at, "a Latin-1 atom longer than 255 characters");
            name = Encoding.Latin1.GetString(bytes);
        }
        var atom = new Atom(name);
        AtomCache.Add(bytes, utf8, atom);
        return atom;
    }

    private object ReadTuple(uint arity, int depth)
    {
        CheckCount(arity, 1, "a tuple");
        var items = new object?[arity];
        for (var i = 0; i < items.Length; i++) items[i] = Read(depth + 1);
        if (_context.Records is { } records && items.Length > 0 && items[0] is Atom tag
            && records.Find(tag.Name, items.Length) is { } shape && shape.FromTuple(items) is { } record)
            return record;
        return ErlangTuple.Wrap(items);
    }

    private object ReadList(int depth)
    {
        var count = ReadUInt32();
        CheckCount(count, 1, "a list", andThen: 1);
        var items = new object?[count];
        for (var i = 0; i < items.Length; i++) items[i] = Read(depth + 1);
        var tail = Read(depth + 1);
        if (count == 0)
        {
            // LIST_EXT of no elements is just its tail; term_to_binary never writes it.
            return tail;
        }
        return tail is ErlangList l ? ErlangList.Improper(items, l) : ErlangList.Wrap(items, tail);
    }

    private object ReadMap(int depth, int tagAt)
    {
        var arity = ReadUInt32();
        CheckCount(arity, 2, "a map");
        var pairs = new KeyValuePair<object?, object?>[arity];
        for (var i = 0; i < pairs.Length; i++)
        {
            var key = Read(depth + 1);
            var value = Read(depth + 1);
            pairs[i] = new(key, value);
        }
        var map = new ErlangMap(pairs);
        if (map.Count != pairs.Length) throw new ExternalTermFormatException(tagAt, "a map holds the same key twice");
        return map;
    }

    private Pid ReadPid(bool wideCreation)
    {
        var node = ReadAtom();
        var id = ReadUInt32();
        var serial = ReadUInt32();
        uint creation = wideCreation ? ReadUInt32() : ReadByte();
        return node == _context.NodeName && creation == _context.Creation
            ? _context.LocalPid(id, serial)
            : Pid.Remote(node, id, serial, creation);
    }

    private Port ReadPort(bool wideId, bool wideCreation)
    {
        var node = ReadAtom();
        var id = wideId ? BinaryPrimitives.ReadUInt64BigEndian(Take(8)) : ReadUInt32();
        uint creation = wideCreation ? ReadUInt32() : ReadByte();
        return new Port(node, id, creation);
    }

    private Ref ReadRef(ushort count, bool wideCreation, int tagAt)
    {
        if (count is < 1 or > 5) throw new ExternalTermFormatException(tagAt, $"a reference has 1 to 5 id words, not {count}");
        var node = ReadAtom();
        uint creation = wideCreation ? ReadUInt32() : ReadByte();
        Span<uint> ids = stackalloc uint[count];
        for (var i = 0; i < count; i++) ids[i] = ReadUInt32();
        return MakeRef(node, creation, ids);
    }

    private readonly Ref MakeRef(Atom node, uint creation, ReadOnlySpan<uint> ids) =>
        node == _context.NodeName && creation == _context.Creation ? _context.LocalRef(ids) : Ref.Remote(node, creation, ids);

    private Fun ReadNewFun(int tagAt)
    {
        // NEW_FUN_EXT: Size (which counts itself), Arity, Uniq[16], Index, NumFree, Module, ...;
        // only the module and arity are read, the rest travels back as it came.
        var size = ReadUInt32();
        if (size < 4 + 1 + 16 + 4 + 4 + 2) throw new ExternalTermFormatException(tagAt, $"a fun of {size} bytes is too short");
        var body = Take(size - 4);
        var arity = body[0];
        var inner = new TermDecoder(body[(1 + 16 + 4 + 4)..], _context);
        Atom module;
        try
        {
            module = inner.ReadAtom();
        }
        catch (ExternalTermFormatException e)
        {
            throw new ExternalTermFormatException(tagAt, "a fun's module is not an atom", e);
        }
        return new Fun(_input[tagAt.._pos].ToArray(), module, null, arity);
    }

    private Fun ReadExport(int tagAt, int depth)
    {
        var module = ReadAtom();
        var function = ReadAtom();
        var arity = Read(depth + 1);
        if (arity is not int a || a > 255) throw new ExternalTermFormatException(tagAt, "an export's arity is not a small integer");
        return new Fun(_input[tagAt.._pos].ToArray(), module, function, a);
    }
}
