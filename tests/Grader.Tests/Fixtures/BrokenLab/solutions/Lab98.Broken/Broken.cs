namespace Lab98.Broken;

/// <summary>The answers.</summary>
public static class Broken
{
    /// <summary>Task 1.</summary>
    public static int Add(int a, int b) => a + b;

    /// <summary>Task 2.</summary>
    public static int Spin() => 0;

    /// <summary>Task 3.</summary>
    public static int Deep(int n) => 0;

    /// <summary>Task 4.</summary>
    public static int Answer() => 42;

    /// <summary>Task 5.</summary>
    public static string Story() => "one\ntwo\nthree\nfour\n";
}
