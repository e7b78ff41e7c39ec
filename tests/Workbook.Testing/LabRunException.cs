namespace Workbook.Testing;

/// <summary>A lab run that could not finish: a deadlock, or code that never gave the scheduler
/// back. The message explains which, with the end of the trace.</summary>
public sealed class LabRunException : Exception
{
    /// <summary>A failed run described by <paramref name="message"/>.</summary>
    public LabRunException(string message) : base(message) { }

    /// <summary>A failed run described by <paramref name="message"/>, caused by <paramref name="inner"/>.</summary>
    public LabRunException(string message, Exception inner) : base(message, inner) { }
}
