namespace Otp.Crdts.Tests.Laws;

/// <summary>
/// How to drive one CRDT type from random numbers: <see cref="Step"/> applies operation
/// <c>op</c> (0..Ops-1) with a small argument at a replica and returns the new state and the
/// delta, or null when the operation is refused (a bounded counter without rights).
/// </summary>
public interface ISpec
{
    string Name { get; }
    void Laws(int iterations);
    void Deltas(int iterations);
    void Convergence(int iterations);
}

public sealed class Spec<T>(string name, int ops, Func<T, int, ReplicaId, int, (T Full, T Delta)?> step, Func<T, object?> query) : ISpec
    where T : ICrdt<T>
{
    public string Name => name;
    public int Ops => ops;
    public (T Full, T Delta)? Step(T state, int op, ReplicaId replica, int arg) => step(state, op, replica, arg);
    public string Query(T state) => Show.Term(query(state));

    public void Laws(int iterations) => Harness.Laws(this, iterations);
    public void Deltas(int iterations) => Harness.Deltas(this, iterations);
    public void Convergence(int iterations) => Harness.Convergence(this, iterations);

    public override string ToString() => name;
}
