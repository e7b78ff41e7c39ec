namespace Workbook.Testing;

/// <summary>A snapshot did not match its verified file (or had none). The message holds the
/// paths of both files and a unified diff from verified to received.</summary>
public sealed class SnapshotMismatchException(string message) : Exception(message);
