using Otp.Crdts.Maps;

namespace Lab08.Crdts;

/// <summary>
/// Task 4: a key-value store replicated on several in-process replicas that accept writes on
/// their own, drop each other's messages across a partition, and converge after the heal.
/// </summary>
public sealed class ReplicatedStore
{
    private readonly string[] _names;
    private readonly Dictionary<string, MVMap<string, string>> _replicas;
    private Dictionary<string, int> _part;

    /// <summary>A store with one replica per name, all connected.</summary>
    /// <exception cref="ArgumentException">No names, or a name given twice.</exception>
    public ReplicatedStore(params string[] replicas)
    {
        if (replicas.Length == 0 || replicas.Distinct().Count() != replicas.Length)
            throw new ArgumentException("Give at least one replica, each name once.", nameof(replicas));
        _names = replicas;
        _replicas = replicas.ToDictionary(r => r, _ => MVMap<string, string>.Empty);
        _part = replicas.ToDictionary(r => r, _ => 0);
    }

    /// <summary>Writes <paramref name="value"/> under <paramref name="key"/> at <paramref name="replica"/> only.</summary>
    /// <exception cref="KeyNotFoundException">No such replica.</exception>
    public void Put(string replica, string key, string value) => _replicas[replica] = _replicas[replica].Set(replica, key, value);

    /// <summary>Deletes <paramref name="key"/> at <paramref name="replica"/> (the writes it has seen).</summary>
    /// <exception cref="KeyNotFoundException">No such replica.</exception>
    public void Delete(string replica, string key) => _replicas[replica] = _replicas[replica].Remove(key);

    /// <summary>The values under <paramref name="key"/> at <paramref name="replica"/>: none, one, or several concurrent ones (sorted).</summary>
    /// <exception cref="KeyNotFoundException">No such replica.</exception>
    public IReadOnlyList<string> Get(string replica, string key) =>
        _replicas[replica].Value.TryGetValue(key, out var values) ? [.. values] : [];

    /// <summary>Cuts the replicas into <paramref name="parts"/>; messages cross no cut.</summary>
    /// <exception cref="ArgumentException">A replica is in no part, in two, or unknown.</exception>
    public void Partition(params string[][] parts)
    {
        var all = parts.SelectMany(p => p).ToList();
        if (all.Count != _names.Length || all.Distinct().Count() != all.Count || !all.All(_replicas.ContainsKey))
            throw new ArgumentException("Every replica must be in exactly one part.", nameof(parts));
        _part = parts.SelectMany((p, i) => p.Select(r => (r, i))).ToDictionary(x => x.r, x => x.i);
    }

    /// <summary>Reconnects every replica.</summary>
    public void Heal() => _part = _names.ToDictionary(r => r, _ => 0);

    /// <summary>One anti-entropy round: every replica merges the state every replica it can reach had at the start of the round.</summary>
    public void Sync()
    {
        var before = new Dictionary<string, MVMap<string, string>>(_replicas);
        foreach (var r in _names)
            foreach (var other in _names)
                if (_part[r] == _part[other]) _replicas[r] = _replicas[r].Merge(before[other]);
    }
}
