namespace Workbook.Testing;

/// <summary>What a <see cref="Lab.RunAsync{T}"/> run produced.</summary>
/// <param name="Result">What the scenario's root process returned.</param>
/// <param name="Trace">The node's trace as text (<c>TraceLog.ToText()</c>), deterministic, for
/// snapshots.</param>
public sealed record LabRun<T>(T Result, string Trace);
