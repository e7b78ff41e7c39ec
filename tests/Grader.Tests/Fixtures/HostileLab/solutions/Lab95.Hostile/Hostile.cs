namespace Lab95.Hostile;

/// <summary>The answers.</summary>
public static class Hostile
{
    /// <summary>Task 1.</summary>
    public static string Story() => "one\ntwo\nthree\n";

    /// <summary>Task 2.</summary>
    public static int StartHelper() => 1;

    /// <summary>Task 3.</summary>
    public static int Hoard() => 0;

    /// <summary>Task 4.</summary>
    public static int Answer() => 42;

    /// <summary>Task 5.</summary>
    public static int Add(int a, int b) => a + b;
}
