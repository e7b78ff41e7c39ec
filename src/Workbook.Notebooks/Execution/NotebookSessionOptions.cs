namespace Workbook.Notebooks.Execution;

/// <summary>Settings of a <see cref="NotebookSession"/>.</summary>
public sealed record NotebookSessionOptions
{
    /// <summary>The folder <c>#r "relative/path.dll"</c> and <c>#load</c> resolve against: the
    /// notebook's own folder. Defaults to the current directory.</summary>
    public string BaseDirectory { get; init; } = Environment.CurrentDirectory;

    /// <summary>The most characters of output one cell may produce (streams and displayed values
    /// together). Beyond it, output is dropped and one notice on <c>stderr</c> says how much.</summary>
    public int MaxOutputCharsPerCell { get; init; } = 100_000;

    /// <summary>How long an interrupted cell gets to stop on its own (by observing
    /// <see cref="CellGlobals.CancellationToken"/> or finishing) before the session abandons it.</summary>
    public TimeSpan InterruptGrace { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How often buffered stream text is handed to a live output listener while a cell runs.</summary>
    public TimeSpan StreamFlushInterval { get; init; } = TimeSpan.FromMilliseconds(50);
}
