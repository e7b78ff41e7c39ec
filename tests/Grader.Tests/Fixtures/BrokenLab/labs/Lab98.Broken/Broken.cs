namespace Lab98.Broken;

/// <summary>A student's lab with every kind of mistake the grader must survive.</summary>
public static class Broken
{
    /// <summary>Task 1, right.</summary>
    public static int Add(int a, int b) => a + b;

    /// <summary>Task 2: never returns and never awaits.</summary>
    public static int Spin()
    {
        var n = 0;
        while (n >= 0) n = (n + 1) % 1000;
        return n;
    }

    /// <summary>Task 3: calls itself without end.</summary>
    public static int Deep(int n) => n == int.MinValue ? 0 : Deep(n + 1) + 1;

    /// <summary>Task 4: wrong.</summary>
    public static int Answer() => 41;

    /// <summary>Task 5: the wrong words, in the wrong order.</summary>
    public static string Story() => "one\nthree\ntwo\nfour\n";
}
