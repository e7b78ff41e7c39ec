using System.Text;

namespace Workbook.Notebooks.Execution;

/// <summary>
/// Replaces <c>Console.Out</c> and <c>Console.Error</c> once per process with writers that send
/// text to the cell it belongs to. The cell (a <see cref="CellScope"/>) travels with the
/// execution context, so tasks and processes a cell starts write to their own cell; once that
/// cell has finished, its session shows their text as late output labelled with its origin.
/// Code with no cell in its context, such as a thread started before any cell, writes to the
/// cell running in the session that ran last.
/// </summary>
internal static class ConsoleRouter
{
    private static readonly AsyncLocal<CellScope?> Current = new();
    private static readonly Lock Gate = new();
    private static NotebookSession? _lastActive;
    private static TextWriter? _originalOut, _originalError;

    public static void Install()
    {
        lock (Gate)
        {
            if (_originalOut is not null) return;
            _originalOut = Console.Out;
            _originalError = Console.Error;
            Console.SetOut(new RoutingWriter("stdout", () => _originalOut));
            Console.SetError(new RoutingWriter("stderr", () => _originalError));
        }
    }

    /// <summary>Makes <paramref name="scope"/> the owner of console writes in this execution
    /// context, and its session the fallback for every other.</summary>
    public static void Enter(CellScope scope)
    {
        Current.Value = scope;
        _lastActive = scope.Session;
    }

    private sealed class RoutingWriter(string stream, Func<TextWriter?> fallback) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => Write(value.ToString());

        public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

        public override void Write(string? value)
        {
            if (string.IsNullOrEmpty(value)) return;
            var scope = Current.Value;
            var session = scope?.Session ?? _lastActive;
            if (session is null || !session.TryWrite(scope, stream, value)) fallback()?.Write(value);
        }

        public override void WriteLine(string? value) => Write((value ?? "") + NewLine);
    }
}
