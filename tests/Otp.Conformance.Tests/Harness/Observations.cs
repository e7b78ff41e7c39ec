using System.Collections.Concurrent;

namespace Otp.Conformance.Tests.Harness;

/// <summary>The lines a C# scenario prints, in the order it prints them; the counterpart of the
/// Erlang scenario's <c>io:format</c> lines.</summary>
public sealed class Observations
{
    private readonly ConcurrentQueue<string> _lines = new();

    /// <summary>Records one observation.</summary>
    public void Add(string line) => _lines.Enqueue(line);

    /// <summary>Every observation so far.</summary>
    public IReadOnlyList<string> Lines => [.. _lines];
}
