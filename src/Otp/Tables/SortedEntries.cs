using System.Runtime.CompilerServices;

namespace Otp.Tables;

/// <summary>
/// The objects of an ordered set, sorted by key in Erlang's term order: a list of sorted chunks
/// of at most <see cref="ChunkSize"/> entries. Finding a key is two binary searches; inserting
/// moves at most one chunk's entries; the successor of any key (present or not) is found the same
/// way, which is what first/next/last/prev need.
/// </summary>
/// <remarks>Why not <see cref="SortedDictionary{TKey, TValue}"/>: it has no successor query.
/// <see cref="SortedSet{T}.GetViewBetween"/> would give one, but each view counts its elements.
/// Not thread-safe: <see cref="OrderedTable"/> locks around it.</remarks>
internal sealed class SortedEntries
{
    public const int ChunkSize = 256;

    private readonly List<List<Entry>> _chunks = [];

    public readonly record struct Entry(object Key, ITuple Object);

    public int Count { get; private set; }

    /// <summary>The index of the first chunk whose last key is not below <paramref name="key"/>
    /// (the only chunk that can hold it), or the number of chunks if every key is below it.</summary>
    private int ChunkFor(object key)
    {
        int lo = 0, hi = _chunks.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var chunk = _chunks[mid];
            if (TermOrder.Compare(chunk[^1].Key, key) < 0) lo = mid + 1;
            else hi = mid - 1;
        }
        return lo;
    }

    /// <summary>Binary search in one chunk: the index of the key, or the complement of where it goes.</summary>
    private static int Search(List<Entry> chunk, object key)
    {
        int lo = 0, hi = chunk.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var c = TermOrder.Compare(chunk[mid].Key, key);
            if (c == 0) return mid;
            if (c < 0) lo = mid + 1;
            else hi = mid - 1;
        }
        return ~lo;
    }

    public bool TryGet(object key, out ITuple obj)
    {
        var ci = ChunkFor(key);
        if (ci < _chunks.Count)
        {
            var i = Search(_chunks[ci], key);
            if (i >= 0)
            {
                obj = _chunks[ci][i].Object;
                return true;
            }
        }
        obj = null!;
        return false;
    }

    /// <summary>Inserts or replaces; true if the key was new.</summary>
    public bool Set(object key, ITuple obj)
    {
        if (_chunks.Count == 0)
        {
            _chunks.Add([new Entry(key, obj)]);
            Count = 1;
            return true;
        }
        var ci = ChunkFor(key);
        if (ci == _chunks.Count) ci--; // above every key: append to the last chunk
        var chunk = _chunks[ci];
        var i = Search(chunk, key);
        if (i >= 0)
        {
            // An ordered set keys with ==, so 1.0 replaces 1, key and all (as Erlang does).
            chunk[i] = new Entry(key, obj);
            return false;
        }
        chunk.Insert(~i, new Entry(key, obj));
        Count++;
        if (chunk.Count > ChunkSize)
        {
            var half = chunk.Count / 2;
            var upper = chunk.GetRange(half, chunk.Count - half);
            chunk.RemoveRange(half, chunk.Count - half);
            _chunks.Insert(ci + 1, upper);
        }
        return true;
    }

    public bool Remove(object key)
    {
        var ci = ChunkFor(key);
        if (ci == _chunks.Count) return false;
        var chunk = _chunks[ci];
        var i = Search(chunk, key);
        if (i < 0) return false;
        chunk.RemoveAt(i);
        if (chunk.Count == 0) _chunks.RemoveAt(ci);
        Count--;
        return true;
    }

    public Entry? First() => _chunks.Count == 0 ? null : _chunks[0][0];

    public Entry? Last() => _chunks.Count == 0 ? null : _chunks[^1][^1];

    /// <summary>The entry with the smallest key above <paramref name="key"/>.</summary>
    public Entry? Next(object key)
    {
        var ci = ChunkFor(key);
        if (ci == _chunks.Count) return null;
        var chunk = _chunks[ci];
        var i = Search(chunk, key);
        var at = i >= 0 ? i + 1 : ~i;
        if (at < chunk.Count) return chunk[at];
        return ci + 1 < _chunks.Count ? _chunks[ci + 1][0] : null;
    }

    /// <summary>The entry with the largest key below <paramref name="key"/>.</summary>
    public Entry? Prev(object key)
    {
        var ci = ChunkFor(key);
        if (ci == _chunks.Count) return Last();
        var chunk = _chunks[ci];
        var i = Search(chunk, key);
        var at = (i >= 0 ? i : ~i) - 1;
        if (at >= 0) return chunk[at];
        return ci > 0 ? _chunks[ci - 1][^1] : null;
    }

    public IEnumerable<Entry> All()
    {
        foreach (var chunk in _chunks)
            foreach (var e in chunk) yield return e;
    }
}
