using System.Diagnostics;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace Workbook.Notebooks.Execution;

/// <summary>Builds the <see cref="ErrorOutput"/> a reader sees, with line numbers counted within
/// the cell and frames outside notebook code summarised, so they stay stable as libraries change.</summary>
internal static class ErrorReports
{
    public static ErrorOutput FromDiagnostics(IReadOnlyList<Diagnostic> errors, int cell)
    {
        var lines = errors.Select(d =>
        {
            var at = d.Location.GetLineSpan().StartLinePosition;
            return $"(line {at.Line + 1}, column {at.Character + 1}): error {d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
        }).ToList();
        var count = errors.Count == 1 ? "1 error" : $"{errors.Count} errors";
        return new ErrorOutput("CompilationError", $"cell [{cell}] does not compile: {count}", lines);
    }

    public static ErrorOutput Interrupted(int cell, bool stoppedByItself = false) => new(
        "Interrupted",
        stoppedByItself ? $"cell [{cell}] was interrupted and stopped"
                        : $"cell [{cell}] was interrupted and abandoned",
        stoppedByItself ? ["The cell observed its CancellationToken and stopped."]
                        : ["The cell did not stop within the grace period, so the session no longer waits for it.",
                           "Variables from earlier cells are kept; anything this cell started may still be running."]);

    public static ErrorOutput FromException(Exception thrown)
    {
        var e = Unwrap(thrown);
        var lines = new List<string>();
        for (var current = e; current is not null; current = current.InnerException is { } inner ? Unwrap(inner) : null)
        {
            lines.Add((current == e ? "" : "---> ") + $"{current.GetType().FullName}: {current.Message}");
            lines.AddRange(NotebookFrames(current));
        }
        return new ErrorOutput(e.GetType().FullName ?? e.GetType().Name, e.Message, lines);
    }

    private static Exception Unwrap(Exception e) => e switch
    {
        AggregateException { InnerExceptions.Count: 1 } a => Unwrap(a.InnerExceptions[0]),
        TargetInvocationException { InnerException: { } inner } => Unwrap(inner),
        _ => e,
    };

    private static IEnumerable<string> NotebookFrames(Exception e)
    {
        var hidden = 0;
        foreach (var frame in new StackTrace(e, fNeedFileInfo: true).GetFrames())
        {
            // The PDB may hold the cell's name resolved against the notebook folder.
            var file = Path.GetFileName(frame.GetFileName());
            if (file is not null && file.StartsWith(NotebookSession.CellPathPrefix, StringComparison.Ordinal))
            {
                if (hidden > 0) yield return Hidden(hidden);
                hidden = 0;
                yield return $"   at line {frame.GetFileLineNumber()} of cell [{file[NotebookSession.CellPathPrefix.Length..]}]";
            }
            else if (frame.GetMethod() is { } m && m.DeclaringType?.Assembly != NotebookSession.EngineAssembly)
            {
                hidden++;
            }
        }
        if (hidden > 0) yield return Hidden(hidden);
    }

    private static string Hidden(int n) => n == 1 ? "   (1 frame in library code)" : $"   ({n} frames in library code)";
}
