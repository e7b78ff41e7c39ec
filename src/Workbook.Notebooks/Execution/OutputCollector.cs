using System.Text;

namespace Workbook.Notebooks.Execution;

/// <summary>
/// Gathers one cell's outputs in order, from any thread. Stream text is buffered and merged so a
/// loop of <c>Console.Write</c> calls becomes one output, handed to the live listener at most
/// every flush interval. Enforces the per-cell output budget: past it, output is counted but
/// dropped, and <see cref="Complete"/> appends one notice.
/// </summary>
internal sealed class OutputCollector : IDisposable
{
    private readonly Lock _gate = new();
    private readonly List<CellOutput> _outputs = [];
    private readonly Action<CellOutput>? _listener;
    private readonly int _budget;
    private readonly StringBuilder _pending = new();
    private readonly Timer? _flushTimer;
    private readonly Func<IReadOnlyList<CellOutput>>? _pull;
    private string? _pendingStream;
    private int _used;
    private long _dropped;
    private bool _completed;

    /// <param name="listener">Receives outputs as they come; null for none.</param>
    /// <param name="budget">The most characters the cell may show.</param>
    /// <param name="flushInterval">How often buffered text goes to the listener.</param>
    /// <param name="pull">Outputs from elsewhere (late output of earlier cells) to add at each
    /// live flush and at the end.</param>
    public OutputCollector(Action<CellOutput>? listener, int budget, TimeSpan flushInterval, Func<IReadOnlyList<CellOutput>>? pull = null)
    {
        _listener = listener;
        _budget = budget;
        _pull = pull;
        if (listener is not null) _flushTimer = new Timer(_ => { lock (_gate) { PullLocked(); FlushLocked(); } }, null, flushInterval, flushInterval);
    }

    // Late output is taken and added under the collector's lock, so that it cannot be taken by
    // the flush timer and then dropped because the cell completed in between.
    private void PullLocked()
    {
        if (_pull is null || _completed) return;
        IReadOnlyList<CellOutput> pulled;
        // Runs on a timer thread too, where an exception would end the process.
        try { pulled = _pull(); }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            pulled = [new StreamOutput("stderr", $"[late output of earlier cells was lost: {e.Message}]\n")];
        }
        foreach (var output in pulled) AddLocked(output);
    }

    public void Write(string stream, string text)
    {
        if (text.Length == 0) return;
        lock (_gate)
        {
            if (_completed) return;
            var room = Math.Max(0, _budget - _used);
            if (text.Length > room)
            {
                _dropped += text.Length - room;
                text = text[..room];
                if (text.Length == 0) return;
            }
            _used += text.Length;
            if (_pendingStream != stream) FlushLocked();
            _pendingStream = stream;
            _pending.Append(text);
        }
    }

    public void Add(CellOutput output)
    {
        lock (_gate) AddLocked(output);
    }

    private void AddLocked(CellOutput output)
    {
        if (_completed) return;
        var size = output is DisplayOutput d ? d.Data.Values.Sum(v => v.Length)
            : output is ResultOutput r ? r.Data.Values.Sum(v => v.Length) : 0;
        if (_used + size > _budget)
        {
            _dropped += size;
            return;
        }
        _used += size;
        FlushLocked();
        Emit(output);
    }

    public void Flush()
    {
        lock (_gate) FlushLocked();
    }

    /// <summary>Ends the cell: flushes, adds the truncation notice and <paramref name="last"/>
    /// (the error, which the budget never drops), and returns every output.</summary>
    public IReadOnlyList<CellOutput> Complete(CellOutput? last)
    {
        lock (_gate)
        {
            PullLocked();
            FlushLocked();
            if (_dropped > 0)
                Emit(new StreamOutput("stderr",
                    $"\n[output truncated: {_dropped:N0} more characters were not shown; a cell may show {_budget:N0}]\n"));
            if (last is not null) Emit(last);
            _completed = true;
            return [.. _outputs];
        }
    }

    private void FlushLocked()
    {
        if (_pendingStream is null || _pending.Length == 0) return;
        Emit(new StreamOutput(_pendingStream, _pending.ToString()));
        _pending.Clear();
    }

    private void Emit(CellOutput output)
    {
        if (output is StreamOutput s && _outputs.Count > 0 && _outputs[^1] is StreamOutput prev && prev.Name == s.Name)
            _outputs[^1] = prev with { Text = prev.Text + s.Text };
        else
            _outputs.Add(output);
        _listener?.Invoke(output);
    }

    public void Dispose() => _flushTimer?.Dispose();
}
