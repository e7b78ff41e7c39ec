namespace Lab04.HotCodeSwap.Tests;

/// <summary>A small counter module of the tests' own, so that tasks 2 and 3 do not depend on task 1.
/// "bump" adds one; "read" answers "v&lt;version&gt;: &lt;count&gt;".</summary>
internal static class CounterModule
{
    public const string Name = "counter";

    public static string Source(int version, string codeChange = "return state;") => $$"""
        using Otp.CodeLoading;
        public sealed class Counter : IServerModule
        {
            public object Init(object? argument) => 0;
            public (object? Reply, object State) HandleCall(object request, object state) => request switch
            {
                "bump" => ("ok", (int)state + 1),
                "read" => ($"v{{version}}: {state}", state),
                _ => ("?", state),
            };
            public object CodeChange(int fromVersion, object state) { {{codeChange}} }
        }
        """;

    /// <summary>A version whose state migration doubles the count, so a test sees it ran.</summary>
    public static string Doubling(int version) => Source(version, "return (int)state * 2;");

    /// <summary>Compiles every version the tests load, before a run starts (see <see cref="Images"/>).</summary>
    public static void Precompile()
    {
        foreach (var source in new[] { Source(1), Source(2), Source(3), Doubling(2), Refusing(2) }) Images.Of(Name, source);
    }

    /// <summary>A version whose state migration fails.</summary>
    public static string Refusing(int version) => Source(version, "throw new System.InvalidOperationException(\"no migration from v\" + fromVersion);");
}
