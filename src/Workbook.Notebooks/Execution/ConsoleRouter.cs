using System.Text;

namespace Workbook.Notebooks.Execution;

/// <summary>
/// Replaces <c>Console.Out</c> and <c>Console.Error</c> once per process with writers that send
/// text to the session a cell belongs to. The session travels with the execution context (so
/// processes and tasks a cell starts write to their own session); code with no session in its
/// context, such as a thread started before any cell, writes to the session that ran last.
/// </summary>
internal static class ConsoleRouter
{
    private static readonly AsyncLocal<NotebookSession?> Current = new();
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

    /// <summary>Makes <paramref name="session"/> the target of console writes in this execution
    /// context and the fallback for every other.</summary>
    public static void Enter(NotebookSession session)
    {
        Current.Value = session;
        _lastActive = session;
    }

    private sealed class RoutingWriter(string stream, Func<TextWriter?> fallback) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => Write(value.ToString());

        public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

        public override void Write(string? value)
        {
            if (string.IsNullOrEmpty(value)) return;
            var session = Current.Value ?? _lastActive;
            if (session is null || !session.TryWrite(stream, value)) fallback()?.Write(value);
        }

        public override void WriteLine(string? value) => Write((value ?? "") + NewLine);
    }
}
