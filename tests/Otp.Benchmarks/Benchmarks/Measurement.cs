namespace Otp.Benchmarks.Benchmarks;

/// <summary>One figure from one repetition of a benchmark, for example ("ns_per_hop", 412.0).</summary>
public readonly record struct Measurement(string Metric, double Value);
