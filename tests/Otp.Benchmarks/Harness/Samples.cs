namespace Otp.Benchmarks.Harness;

/// <summary>The timed repetitions of one side of the comparison, by benchmark and metric, for
/// example ("ring", "ns_per_hop") → [412.0, 398.5, ...].</summary>
public sealed class Samples
{
    private readonly Dictionary<(string Benchmark, string Metric), List<double>> _values = [];

    /// <summary>Adds the value of one repetition.</summary>
    public void Add(string benchmark, string metric, double value)
    {
        if (!_values.TryGetValue((benchmark, metric), out var list)) _values[(benchmark, metric)] = list = [];
        list.Add(value);
    }

    /// <summary>Every repetition of a metric, in the order measured; empty if it was not measured.</summary>
    public IReadOnlyList<double> Of(string benchmark, string metric) =>
        _values.TryGetValue((benchmark, metric), out var list) ? list : [];

    /// <summary>The median repetition, or null when the metric was not measured.</summary>
    public double? Median(string benchmark, string metric)
    {
        var list = Of(benchmark, metric);
        if (list.Count == 0) return null;
        var sorted = list.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>True when nothing was measured.</summary>
    public bool IsEmpty => _values.Count == 0;
}
