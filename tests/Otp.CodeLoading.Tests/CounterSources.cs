namespace Otp.CodeLoading.Tests;

/// <summary>Versions of a counter server module, as C# source compiled at run time.</summary>
internal static class CounterSources
{
    /// <summary>v1: the state is the count.</summary>
    public const string V1 = """
        using Otp.CodeLoading;
        public sealed class Counter : IServerModule
        {
            public object Init(object? argument) => 0;
            public (object? Reply, object State) HandleCall(object request, object state) => request switch
            {
                "bump" => ($"v1 count {(int)state + 1}", (int)state + 1),
                _ => ("?", state),
            };
            public object CodeChange(int fromVersion, object state) => state;
        }
        """;

    /// <summary>v2: the state becomes (count, bumps since the upgrade); the hook migrates it.</summary>
    public const string V2 = """
        using Otp.CodeLoading;
        public sealed class Counter : IServerModule
        {
            public object Init(object? argument) => (0, 0);
            public (object? Reply, object State) HandleCall(object request, object state)
            {
                var (count, since) = ((int, int))state;
                return request switch
                {
                    "bump" => ($"v2 count {count + 1} ({since + 1} since upgrade)", (count + 1, since + 1)),
                    _ => ("?", state),
                };
            }
            public object CodeChange(int fromVersion, object state) => ((int)state, 0);
        }
        """;

    /// <summary>A v2 whose migration fails.</summary>
    public const string V2BadMigration = """
        using Otp.CodeLoading;
        public sealed class Counter : IServerModule
        {
            public object Init(object? argument) => 0;
            public (object? Reply, object State) HandleCall(object request, object state) => ("v2", state);
            public object CodeChange(int fromVersion, object state) =>
                throw new System.InvalidOperationException($"cannot migrate a state of {state}");
        }
        """;

    /// <summary>Does not compile: an undefined name.</summary>
    public const string Broken = """
        public static class Counter { public static int Bump(int n) => n + missing; }
        """;
}
