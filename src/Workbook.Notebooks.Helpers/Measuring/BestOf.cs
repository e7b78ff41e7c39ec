namespace Workbook.Notebooks.Helpers.Measuring;

/// <summary>Measurements a shared machine can trust a little more: warm up once, then keep the
/// best of several runs (the GC and other processes only ever make a run slower).</summary>
public static class BestOf
{
    /// <summary>Runs <paramref name="measure"/> once per size to warm up the JIT (not counted),
    /// then <paramref name="runs"/> times per size, and returns the smallest result per size.</summary>
    public static async Task<List<double>> ThreeAsync(IReadOnlyList<int> sizes, Func<int, Task<double>> measure, int runs = 3)
    {
        ArgumentNullException.ThrowIfNull(measure);
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        foreach (var size in sizes) await measure(size);
        var best = new List<double>();
        foreach (var size in sizes)
        {
            var min = double.PositiveInfinity;
            for (var k = 0; k < runs; k++) min = Math.Min(min, await measure(size));
            best.Add(min);
        }
        return best;
    }
}
