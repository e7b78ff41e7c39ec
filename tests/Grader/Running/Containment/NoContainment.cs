using System.Diagnostics;

namespace Workbook.Grader.Running.Containment;

/// <summary>Where no containment is available: only the child itself (and the process tree .NET
/// can still see) is ended; nothing is listed.</summary>
internal sealed class NoContainment : ProcessContainment
{
    /// <inheritdoc />
    public override bool Contains => false;

    /// <inheritdoc />
    public override void Attach(Process child) { }

    /// <inheritdoc />
    public override IReadOnlyList<LeftProcess> Alive(int exceptPid) => [];

    /// <inheritdoc />
    public override void KillAll() { }
}
