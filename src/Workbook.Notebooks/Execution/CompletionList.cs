namespace Workbook.Notebooks.Execution;

/// <summary>Names that can complete the word at a cursor.</summary>
/// <param name="Start">Where the word being completed starts (a UTF-16 offset in the code).</param>
/// <param name="End">Where it ends: the cursor.</param>
/// <param name="Matches">Candidate names, sorted, without duplicates.</param>
public sealed record CompletionList(int Start, int End, IReadOnlyList<string> Matches);
