using System.Net;
using System.Text;

namespace Workbook.Notebooks.Execution;

/// <summary>
/// Console text written by work a cell started after that cell finished (a process still running,
/// a timer, a background task). It is kept apart from the output of the cell that happens to run
/// next, and shown there as its own output labelled with the cell it came from, so a learner can
/// tell an unrelated <c>6*7</c> from what an old node is still printing.
/// </summary>
internal sealed class LateOutput
{
    private readonly Lock _gate = new();
    private readonly List<(int Cell, StringBuilder Text)> _pending = [];
    private readonly int _budget;
    private int _used;
    private long _dropped;

    public LateOutput(int budget) => _budget = budget;

    public void Write(int cell, string text)
    {
        lock (_gate)
        {
            var room = Math.Max(0, _budget - _used);
            if (text.Length > room)
            {
                _dropped += text.Length - room;
                text = text[..room];
            }
            if (text.Length == 0) return;
            _used += text.Length;
            if (_pending.Count > 0 && _pending[^1].Cell == cell) _pending[^1].Text.Append(text);
            else _pending.Add((cell, new StringBuilder(text)));
        }
    }

    /// <summary>Takes what is pending, one labelled output per origin (in the order written).</summary>
    /// <param name="stopHint">How to stop what keeps printing, named for the reader, or null;
    /// asked only when there is late output.</param>
    public IReadOnlyList<DisplayOutput> Take(Func<string?> stopHint)
    {
        List<(int Cell, StringBuilder Text)> taken;
        long dropped;
        lock (_gate)
        {
            if (_pending.Count == 0) return [];
            taken = [.. _pending];
            dropped = _dropped;
            _pending.Clear();
            _used = 0;
            _dropped = 0;
        }
        var hint = stopHint();
        return [.. taken.Select((p, i) => Labelled(p.Cell, p.Text.ToString(),
            i == taken.Count - 1 ? dropped : 0, hint))];
    }

    private static DisplayOutput Labelled(int cell, string text, long dropped, string? stopHint)
    {
        var label = $"[output from cell [{cell}], written after that cell had finished" +
                    (stopHint is null ? "]" : $"; to stop it: {stopHint}]");
        if (dropped > 0) text += $"\n[{dropped:N0} more characters of late output were not shown]\n";
        var plain = label + "\n" + text;
        var html = "<div style=\"border-left:3px solid #c80;padding-left:8px\">" +
                   $"<div style=\"color:#a60;font-size:smaller\">{WebUtility.HtmlEncode(label)}</div>" +
                   $"<pre style=\"margin:2px 0\">{WebUtility.HtmlEncode(text)}</pre></div>";
        return new DisplayOutput(new Dictionary<string, string> { ["text/plain"] = plain, ["text/html"] = html });
    }
}
