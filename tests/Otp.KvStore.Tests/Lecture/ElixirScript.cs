namespace Otp.KvStore.Tests.Lecture;

/// <summary>Runs an Elixir script of Lecture/Elixir with the real <c>elixir</c> and returns its
/// lines (skipped without Elixir, failed then under <c>OTP_REQUIRE_ERL=1</c>:
/// <see cref="Workbook.ErlangTools"/>).</summary>
internal static class ElixirScript
{
    public static Task<IReadOnlyList<string>> RunAsync(string script) =>
        Workbook.ErlangTools.RunScriptAsync("elixir", Path.Combine(AppContext.BaseDirectory, "Lecture", "Elixir", script));
}
