namespace Otp.Crdts.Tests.Laws;

/// <summary>
/// For every type: merge is commutative, associative and idempotent (by state and by query); a delta
/// merged equals the operation applied; replicas converge through loss, duplication and reordering
/// once anti-entropy runs.
/// </summary>
public sealed class JoinLawTests
{
    [Theory, MemberData(nameof(Specs.Names), MemberType = typeof(Specs))]
    public void Merge_is_a_join(string type) => Specs.Named(type).Laws(150);

    [Theory, MemberData(nameof(Specs.Names), MemberType = typeof(Specs))]
    public void Delta_merged_equals_operation_applied(string type) => Specs.Named(type).Deltas(100);

    [Theory, MemberData(nameof(Specs.Names), MemberType = typeof(Specs))]
    public void Replicas_converge_through_loss_duplication_and_reordering(string type) => Specs.Named(type).Convergence(150);
}
