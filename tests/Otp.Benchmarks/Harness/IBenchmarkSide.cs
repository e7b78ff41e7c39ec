namespace Otp.Benchmarks.Harness;

/// <summary>
/// One side of the comparison: this runtime, the BEAM, or a .NET actor library. The harness runs
/// one benchmark on every side before it moves to the next, so that the figures of a row are
/// measured close together in time and see the same load on the machine.
/// </summary>
internal interface IBenchmarkSide : IDisposable
{
    /// <summary>The key of the side in the results (<c>csharp</c>, <c>beam</c>, <c>akka</c>,
    /// <c>proto</c>).</summary>
    string Key { get; }

    /// <summary>The name the table prints.</summary>
    string Title { get; }

    /// <summary>Whether this side has the benchmark (the actor libraries have no selective
    /// receive and no tables).</summary>
    bool Has(string benchmark);

    /// <summary>Runs one benchmark: for each size an untimed warm-up, then the timed repetitions,
    /// each adding its figures to <paramref name="into"/>.</summary>
    Task RunAsync(string benchmark, Samples into);
}
