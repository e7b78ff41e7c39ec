namespace Workbook.Notebooks.Execution;

/// <summary>
/// One output of a cell, in the order it was produced. The four kinds mirror nbformat 4's
/// output types, so a front end (Jupyter, the .ipynb writer) maps them one to one.
/// </summary>
public abstract record CellOutput;

/// <summary>Text the cell wrote to <c>Console.Out</c> (<c>stdout</c>) or <c>Console.Error</c>
/// (<c>stderr</c>). Consecutive writes to one stream are merged.</summary>
/// <param name="Name"><c>stdout</c> or <c>stderr</c>.</param>
/// <param name="Text">The text, newlines included.</param>
public sealed record StreamOutput(string Name, string Text) : CellOutput;

/// <summary>A value shown with <c>display(x)</c> (or the Markdown/HTML/SVG helpers) while the
/// cell ran.</summary>
/// <param name="Data">The value's representations by MIME type; always has <c>text/plain</c>.</param>
public sealed record DisplayOutput(IReadOnlyDictionary<string, string> Data) : CellOutput;

/// <summary>The value of the cell's last expression (an expression with no trailing semicolon).</summary>
/// <param name="Data">The value's representations by MIME type; always has <c>text/plain</c>.</param>
public sealed record ResultOutput(IReadOnlyDictionary<string, string> Data) : CellOutput;

/// <summary>A compile error, an exception, an interrupt or a timeout that ended the cell.</summary>
/// <param name="Name">The error's name: an exception type such as <c>System.InvalidOperationException</c>,
/// <c>CompilationError</c>, <c>Interrupted</c> or <c>TimedOut</c>.</param>
/// <param name="Value">A one-line message.</param>
/// <param name="Traceback">Lines to show, with line numbers counted within the cell (line 1 is
/// the cell's first line).</param>
public sealed record ErrorOutput(string Name, string Value, IReadOnlyList<string> Traceback) : CellOutput;
