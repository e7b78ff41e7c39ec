namespace Workbook.Notebooks.Helpers.KvStore;

/// <summary>One row of a <see cref="ReplicaStates"/> picture: what each replica held at one moment.</summary>
/// <param name="Label">The moment, such as <c>partitioned</c>.</param>
/// <param name="States">Each replica's state as text, in the picture's replica order.</param>
public sealed record StatesAt(string Label, IReadOnlyList<string> States);
