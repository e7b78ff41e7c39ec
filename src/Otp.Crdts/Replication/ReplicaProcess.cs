using System.Text;
using static Otp.Crdts.Replication.ReplicaProtocol;

namespace Otp.Crdts.Replication;

/// <summary>
/// The loop of one replica process: applies local updates through delta mutators, and on each
/// tick sends its peers either its full state or the delta interval each peer has not acknowledged.
/// </summary>
internal sealed class ReplicaProcess<T>(ReplicaId id, SyncMode mode) where T : ICrdt<T>
{
    private T _state = T.Empty;
    private IReadOnlyDictionary<ReplicaId, Pid> _peers = new Dictionary<ReplicaId, Pid>();
    private IReadOnlySet<ReplicaId>? _reachable;
    // Delta buffer: sequence number -> (origin, delta). Sequence numbers count every delta this
    // replica joined into its state, its own and its peers'.
    private readonly SortedDictionary<long, (ReplicaId Origin, T Delta)> _buffer = [];
    private long _next;
    private readonly Dictionary<ReplicaId, long> _acked = [];
    private SyncStats _stats = SyncStats.None;

    public async Task Run(Process self)
    {
        while (true)
        {
            switch (await self.Receive())
            {
                case Peers p: _peers = p.All.Where(kv => kv.Key != id).ToDictionary(); break;
                case Reach r: _reachable = r.Reachable; break;
                case Update<T> u: Join(u.DeltaMutator(_state), id); break;
                case Tick: Gossip(self); break;
                case State<T> s: _state = _state.Merge(s.Payload); break;
                case Delta<T> d:
                    Join(d.Payload, d.From);
                    Send(self, d.From, new Ack(id, d.UpTo), 0);
                    break;
                case Ack a:
                    _acked[a.From] = Math.Max(_acked.GetValueOrDefault(a.From), a.UpTo);
                    Collect();
                    break;
                case Get g: self.Send(g.ReplyTo, new Reply(g.Tag, _state)); break;
                case GetStats g: self.Send(g.ReplyTo, new Reply(g.Tag, _stats)); break;
            }
        }
    }

    private void Join(T delta, ReplicaId origin)
    {
        var merged = _state.Merge(delta);
        // Buffer only what changed the state: a delta already seen is not news for anyone. Without
        // relaying, a peer's delta is not ours to send: its origin resends it until acknowledged.
        if (merged.Equals(_state)) return;
        _state = merged;
        if (origin == id || mode == SyncMode.DeltaIntervalRelay) _buffer[_next++] = (origin, delta);
    }

    private void Gossip(Process self)
    {
        foreach (var peer in _peers.Keys)
        {
            if (mode == SyncMode.FullState) { Send(self, peer, new State<T>(id, _state), Size(_state)); continue; }
            var acked = _acked.GetValueOrDefault(peer);
            if (acked >= _next) continue;
            if (_buffer.Count > 0 && _buffer.Keys.First() > acked)
            {
                // Deltas the peer needs were already collected: fall back to the full state.
                Send(self, peer, new Delta<T>(id, _state, _next), Size(_state));
                continue;
            }
            // Never send a peer back its own deltas.
            var interval = _buffer.Where(kv => kv.Key >= acked && kv.Value.Origin != peer).Aggregate(T.Empty, (acc, kv) => acc.Merge(kv.Value.Delta));
            if (interval.Equals(T.Empty)) { _acked[peer] = _next; continue; }
            Send(self, peer, new Delta<T>(id, interval, _next), Size(interval));
        }
    }

    private void Collect()
    {
        if (_peers.Count == 0) return;
        var min = _peers.Keys.Min(p => _acked.GetValueOrDefault(p));
        foreach (var seq in _buffer.Keys.TakeWhile(k => k < min).ToList()) _buffer.Remove(seq);
    }

    private void Send(Process self, ReplicaId to, object message, long payloadBytes)
    {
        _stats += message switch
        {
            State<T> => new SyncStats(1, 0, 0, Envelope + payloadBytes),
            Delta<T> => new SyncStats(0, 1, 0, Envelope + payloadBytes),
            _ => new SyncStats(0, 0, 1, Envelope + payloadBytes),
        };
        // A partition drops the message after it was paid for, as a real network would.
        if (_reachable is null || _reachable.Contains(to)) self.Send(_peers[to], message);
    }

    private static long Size(T payload) => Encoding.UTF8.GetByteCount(payload.ToString() ?? "");
}
