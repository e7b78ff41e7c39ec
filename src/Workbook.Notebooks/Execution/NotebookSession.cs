using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;
using Workbook.Notebooks.Display;

namespace Workbook.Notebooks.Execution;

/// <summary>
/// A C# notebook session on Roslyn scripting, run the way .NET Interactive ran C# cells: each
/// cell is a script submission that continues the previous ones, so variables, types and
/// functions carry across cells; <c>#r "path"</c> resolves against the notebook's folder;
/// top-level <c>await</c> works; console output and the value of a last expression written
/// without a semicolon become the cell's outputs.
/// </summary>
/// <remarks>
/// Cells run one at a time, in the order <see cref="ExecuteAsync"/> is called. A cell that
/// throws keeps the state it reached (as in .NET Interactive); a cell that does not compile
/// changes nothing; a cell abandoned after an interrupt leaves the state of the cells before it.
/// Console output is captured process-wide (see <see cref="ConsoleRouter"/>): several sessions
/// in one process keep their output apart as long as their work runs in their own execution
/// context.
/// </remarks>
public sealed partial class NotebookSession : IDisposable
{
    internal const string CellPathPrefix = "notebook-cell-";

    private readonly NotebookSessionOptions _options;
    private readonly ScriptOptions _scriptOptions;
    private readonly CellGlobals _globals;
    private readonly SemaphoreSlim _oneCellAtATime = new(1, 1);
    private ScriptState<object>? _state;
    private volatile OutputCollector? _collector;
    private volatile CellScope? _running;
    private readonly LateOutput _late;

    /// <summary>Creates a session with nothing run yet.</summary>
    public NotebookSession(NotebookSessionOptions? options = null)
    {
        _options = options ?? new NotebookSessionOptions();
        _globals = new CellGlobals(this);
        _scriptOptions = CreateScriptOptions(Path.GetFullPath(_options.BaseDirectory));
        _late = new LateOutput(_options.MaxOutputCharsPerCell);
        ConsoleRouter.Install();
    }

    /// <summary>How many cells this session has run (compiled or not): the number the next
    /// cell gets, less one.</summary>
    public int ExecutionCount { get; private set; }

    internal CancellationToken CurrentCancellation { get; private set; }

    /// <summary>
    /// Compiles and runs <paramref name="code"/> as the next cell. Never throws for a cell's own
    /// failure: compile errors, exceptions and interrupts come back as an <see cref="ErrorOutput"/>.
    /// </summary>
    /// <param name="code">The cell's source: C# script code, with <c>#r</c> directives allowed.</param>
    /// <param name="onOutput">Called with each output as it is produced (streams buffered for at
    /// most <see cref="NotebookSessionOptions.StreamFlushInterval"/>), from any thread; the final
    /// result lists them again, merged. It runs while the session holds its output lock, so it
    /// must not write to the console or wait for the cell (hand the output to another thread).</param>
    /// <param name="cancellationToken">Interrupts the cell: code that observes
    /// <see cref="CellGlobals.CancellationToken"/> stops; other code is abandoned after
    /// <see cref="NotebookSessionOptions.InterruptGrace"/>.</param>
    public async Task<CellResult> ExecuteAsync(string code, Action<CellOutput>? onOutput = null, CancellationToken cancellationToken = default)
    {
        await _oneCellAtATime.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        var count = ++ExecutionCount;
        var scope = new CellScope(this, count);
        using var collector = new OutputCollector(onOutput, _options.MaxOutputCharsPerCell, _options.StreamFlushInterval, TakeLateOutput);
        // Late output of earlier cells written while no cell ran comes first, labelled.
        foreach (var late in TakeLateOutput()) collector.Add(late);
        _running = scope;
        _collector = collector;
        CurrentCancellation = cancellationToken;
        ConsoleRouter.Enter(scope);
        try
        {
            var (status, error, stillRunning) = await RunCellAsync(code, scope, collector, cancellationToken).ConfigureAwait(false);
            return new CellResult(count, status, collector.Complete(error), stillRunning);
        }
        finally
        {
            _collector = null;
            _running = null;
            CurrentCancellation = CancellationToken.None;
            _oneCellAtATime.Release();
        }
    }

    private async Task<(CellStatus, ErrorOutput?, bool)> RunCellAsync(string code, CellScope scope, OutputCollector collector, CancellationToken cancellation)
    {
        var count = scope.Cell;
        var options = _scriptOptions.WithFilePath(CellPathPrefix + count);
        var previous = _state;
        var script = previous is null
            ? CSharpScript.Create<object>(code, options, typeof(CellGlobals))
            : previous.Script.ContinueWith<object>(code, options);

        var errors = script.Compile(CancellationToken.None).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0) return (CellStatus.Error, ErrorReports.FromDiagnostics(errors, count), false);
        var showsValue = EndsWithValue(script);

        // A dedicated thread, so a cell that loops before its first await cannot hold the caller.
        var run = Task.Factory.StartNew(() =>
        {
            ConsoleRouter.Enter(scope);
            return previous is null
                ? script.RunAsync(_globals, _ => true, CancellationToken.None)
                : script.RunFromAsync(previous, _ => true, CancellationToken.None);
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();

        if (!await CompletesAsync(run, cancellation).ConfigureAwait(false)
            && !await CompletesAsync(run, Timeout(_options.InterruptGrace)).ConfigureAwait(false))
        {
            ObserveLater(run);
            return (CellStatus.Interrupted, ErrorReports.Interrupted(count), true);
        }

        ScriptState<object> state;
        try
        {
            state = await run.ConfigureAwait(false);
        }
        catch (Exception e)
        {
            return (CellStatus.Error, ErrorReports.FromException(e), false);
        }
        _state = state;
        if (state.Exception is { } thrown)
        {
            return thrown is OperationCanceledException && cancellation.IsCancellationRequested
                ? (CellStatus.Interrupted, ErrorReports.Interrupted(count, stoppedByItself: true), false)
                : (CellStatus.Error, ErrorReports.FromException(thrown), false);
        }
        if (showsValue)
        {
            // The value's own display code (a chart's ToMimeBundle, say) runs here, in the host:
            // what it throws is the cell's error, never an exception that ends the host.
            IReadOnlyDictionary<string, string> bundle;
            try { bundle = ValueFormatter.ToMimeBundle(state.ReturnValue); }
            catch (Exception e)
            {
                return (CellStatus.Error, ErrorReports.FromException(e is System.Reflection.TargetInvocationException { InnerException: { } inner } ? inner : e), false);
            }
            collector.Add(new ResultOutput(bundle));
        }
        return (CellStatus.Ok, null, false);
    }

    internal void Display(object? value) =>
        _collector?.Add(new DisplayOutput(ValueFormatter.ToMimeBundle(value)));

    /// <summary>Sends console text written by code of <paramref name="scope"/> (null: of no
    /// known cell) to the running cell when it is that cell; text of a cell that has finished is
    /// kept as late output, shown labelled in the next cell. False when nobody can take it.</summary>
    internal bool TryWrite(CellScope? scope, string stream, string text)
    {
        var collector = _collector;
        if (scope is null || scope == _running)
        {
            if (collector is null) return false;
            collector.Write(stream, text);
            return true;
        }
        _late.Write(scope.Cell, text);
        return true;
    }

    private IReadOnlyList<CellOutput> TakeLateOutput() => _late.Take(StopHint);

    /// <summary>How to stop what still prints: dispose the runtime's nodes the session holds
    /// (recognised by type name, as this library does not reference the runtime). Null when it
    /// cannot tell: the state belongs to a cell that may be running on another thread.</summary>
    private string? StopHint()
    {
        try
        {
            var nodes = _state?.Variables
                .Where(v => v.Type.FullName == "Otp.Node")
                .Select(v => v.Name + ".Dispose()").Distinct().ToList();
            return nodes is { Count: > 0 } ? string.Join(" or ", nodes) : null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }
    }

    private static CancellationToken Timeout(TimeSpan after) => new CancellationTokenSource(after).Token;

    private static async Task<bool> CompletesAsync(Task task, CancellationToken stop)
    {
        if (task.IsCompleted) return true;
        var stopped = new TaskCompletionSource();
        await using var _ = stop.Register(() => stopped.TrySetResult()).ConfigureAwait(false);
        return await Task.WhenAny(task, stopped.Task).ConfigureAwait(false) == task;
    }

    // An abandoned cell may fail later; observe it so the failure does not surface elsewhere.
    private static void ObserveLater(Task task) =>
        task.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

    /// <summary>True when the cell ends with an expression statement without a semicolon whose
    /// type is not void: the value .NET Interactive shows as the cell's result.</summary>
    private static bool EndsWithValue(Script script)
    {
        var compilation = script.GetCompilation();
        var tree = compilation.SyntaxTrees.Last(t => t.FilePath.StartsWith(CellPathPrefix, StringComparison.Ordinal));
        if (tree.GetCompilationUnitRoot().Members.LastOrDefault() is not GlobalStatementSyntax
            { Statement: ExpressionStatementSyntax { SemicolonToken.IsMissing: true } statement })
            return false;
        var type = compilation.GetSemanticModel(tree).GetTypeInfo(statement.Expression).Type;
        return type is not null && type.SpecialType != SpecialType.System_Void;
    }

    private static ScriptOptions CreateScriptOptions(string baseDirectory)
    {
        // The whole shared framework, as .NET Interactive offered it, plus this library for the globals.
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var framework = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => string.Equals(Path.GetDirectoryName(p), frameworkDirectory, StringComparison.OrdinalIgnoreCase))
            .Select(p => MetadataReference.CreateFromFile(p));
        return ScriptOptions.Default
            .WithReferences(framework)
            .AddReferences(typeof(CellGlobals).Assembly)
            .WithImports("System", "System.Collections.Generic", "System.Linq", "System.Text", "System.Threading.Tasks")
            .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(baseDirectory))
            .WithSourceResolver(ScriptSourceResolver.Default.WithBaseDirectory(baseDirectory))
            .WithLanguageVersion(LanguageVersion.Latest)
            .WithEmitDebugInformation(true)
            .WithFileEncoding(Encoding.UTF8);
    }

    /// <summary>Releases the session's resources. Work started by its cells is not stopped.</summary>
    public void Dispose() => _oneCellAtATime.Dispose();

    internal static Assembly EngineAssembly => typeof(NotebookSession).Assembly;
}
