namespace Otp.Distribution.Tests.Terms;

/// <summary>Runs an escript of Terms/Erlang with the real <c>escript</c> (skipped without
/// Erlang, failed then under <c>OTP_REQUIRE_ERL=1</c>: <see cref="Workbook.ErlangTools"/>).</summary>
internal static class Escript
{
    public static Task<IReadOnlyList<string>> RunAsync(string script, params string[] args) =>
        Workbook.ErlangTools.RunScriptAsync("escript", Path.Combine(AppContext.BaseDirectory, "Terms", "Erlang", script), args);
}
