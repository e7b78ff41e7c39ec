using System.Text.RegularExpressions;

namespace Otp.Conformance.Tests.Harness;

/// <summary>
/// Prints terms the way the Erlang scenarios do (<c>show/1</c> in Scenarios/scenario.hrl): in
/// <c>~w</c> notation, with the numbers of pids and references masked, since they differ from
/// run to run and between the two runtimes.
/// </summary>
public static partial class Show
{
    /// <summary>The term in Erlang notation, pids as <c>&lt;0.N.0&gt;</c> and references as
    /// <c>#Ref&lt;R&gt;</c>.</summary>
    public static string Term(object? value) => Mask(Otp.Terms.Term.Format(value));

    /// <summary>Masks pid and reference numbers in already printed text.</summary>
    public static string Mask(string text) => RefPattern().Replace(PidPattern().Replace(text, "<0.N.0>"), "#Ref<R>");

    /// <summary>
    /// What an Erlang BIF that returns <c>true</c> would give for <paramref name="call"/>:
    /// <c>true</c> if it returns, <c>{error,Reason}</c> if it raises an Erlang error (Erlang:
    /// <c>outcome/1</c>).
    /// </summary>
    public static string Outcome(Action call)
    {
        try
        {
            call();
            return "true";
        }
        catch (ErlangErrorException e)
        {
            return $"{{error,{e.Reason}}}";
        }
    }

    [GeneratedRegex(@"<0\.\d+\.0>")]
    private static partial Regex PidPattern();

    [GeneratedRegex(@"#Ref<[0-9.]+>")]
    private static partial Regex RefPattern();
}
