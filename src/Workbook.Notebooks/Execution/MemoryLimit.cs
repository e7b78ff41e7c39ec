using System.Globalization;

namespace Workbook.Notebooks.Execution;

/// <summary>
/// The kernel host's memory limit: how it is written (<c>OTP_KERNEL_MEMORY_LIMIT</c>, such as
/// <c>2g</c> or <c>512m</c>), and how a cell that exceeds it is reported. The limit is the GC's
/// hard heap limit, which the kernel sets when it starts the host; allocations beyond it throw
/// <see cref="OutOfMemoryException"/> in the cell that made them.
/// </summary>
public static class MemoryLimit
{
    /// <summary>The environment variable the kernel reads the limit from.</summary>
    public const string Variable = "OTP_KERNEL_MEMORY_LIMIT";

    /// <summary>The limit when the variable is not set: 2 GiB.</summary>
    public const long DefaultBytes = 2L << 30;

    /// <summary>The error name a cell that ran out of memory reports.</summary>
    public const string ErrorName = "OutOfMemory";

    /// <summary>Reads a limit: a number of bytes with an optional <c>k</c>, <c>m</c> or <c>g</c>
    /// suffix (powers of 1024); null or empty gives the default; <c>0</c> or <c>none</c> means
    /// no limit (returns null).</summary>
    /// <exception cref="ArgumentException">The text is not a limit.</exception>
    public static long? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return DefaultBytes;
        var t = text.Trim().ToLowerInvariant();
        if (t is "none" or "0") return null;
        var shift = t[^1] switch { 'k' => 10, 'm' => 20, 'g' => 30, _ => 0 };
        var digits = shift == 0 ? t : t[..^1];
        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0 || n > (long.MaxValue >> shift))
            throw new ArgumentException($"{Variable}={text} is not a memory limit (write, for example, 2g, 512m or none)");
        return n << shift;
    }

    /// <summary>A limit as a reader would write it: <c>2 GiB</c>, <c>300 MiB</c>.</summary>
    public static string Describe(long bytes) => bytes switch
    {
        >= 1L << 30 when bytes % (1L << 30) == 0 => $"{bytes >> 30} GiB",
        >= 1L << 20 => $"{(bytes >> 20).ToString(CultureInfo.InvariantCulture)} MiB",
        _ => $"{bytes.ToString(CultureInfo.InvariantCulture)} bytes",
    };

    /// <summary>True when a cell's error is the runtime running out of memory.</summary>
    public static bool IsOutOfMemory(ErrorOutput? error) =>
        error is { Name: "System.OutOfMemoryException" or ErrorName };

    /// <summary>The error a learner sees when cell <paramref name="cell"/> ran out of memory and the
    /// host is replaced by a fresh one.</summary>
    public static ErrorOutput OutOfMemory(int cell, long? limitBytes) => new(
        ErrorName,
        $"cell [{cell}] ran out of memory" + (limitBytes is { } l ? $" (the C# host may use {Describe(l)})" : ""),
        [
            $"Cell [{cell}] ran out of memory" + (limitBytes is { } b ? $": the C# host is limited to {Describe(b)}." : "."),
            "A new C# host was started: variables and types from earlier cells are gone; run the cells above again.",
            $"To change the limit, set {Variable} (for example 4g, or none) before starting Jupyter.",
        ]);
}
