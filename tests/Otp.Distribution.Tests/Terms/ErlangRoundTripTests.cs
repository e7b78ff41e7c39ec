using CsCheck;
using Otp.Distribution.Terms;

namespace Otp.Distribution.Tests.Terms;

/// <summary>
/// Generated terms (the CsCheck generator of <see cref="PropertyTests"/>) go through real Erlang:
/// C# encodes them, <c>erl</c> decodes each with <c>binary_to_term</c> and encodes it again with
/// <c>term_to_binary</c>, and C# decodes Erlang's bytes. Erlang must accept every one, and give
/// back the same term; where the term holds no map (Erlang sorts map keys), the same bytes too.
/// </summary>
public class ErlangRoundTripTests
{
    [Fact]
    public async Task Generated_terms_survive_a_trip_through_erl()
    {
        var terms = new List<object?>();
        PropertyTests.Terms.Sample(t => { lock (terms) terms.Add(t); }, iter: 400, threads: 1, seed: "0000ETFerl01");
        var ours = terms.Select(t => Convert.ToHexString(ExternalTermFormat.Encode(t))).ToList();
        var file = Path.Combine(Path.GetTempPath(), $"etf-reencode-{Guid.NewGuid():N}.txt");
        await File.WriteAllLinesAsync(file, ours, TestContext.Current.CancellationToken);
        IReadOnlyList<string> theirs;
        try
        {
            theirs = await Escript.RunAsync("etf_golden.escript", "reencode", file);
        }
        finally
        {
            File.Delete(file);
        }
        Assert.Equal(ours.Count, theirs.Count);
        var wrong = new List<string>();
        var sameBytes = 0;
        for (var i = 0; i < ours.Count; i++)
        {
            if (theirs[i].StartsWith("error", StringComparison.Ordinal))
            {
                wrong.Add($"erl refused {Otp.Terms.Term.Format(terms[i])}: {theirs[i]}");
                continue;
            }
            var back = ExternalTermFormat.Decode(Convert.FromHexString(theirs[i]));
            if (!TermEquality.Default.Equals(terms[i], back))
                wrong.Add($"{Otp.Terms.Term.Format(terms[i])} came back from erl as {Otp.Terms.Term.Format(back)}");
            else if (theirs[i] == ours[i]) sameBytes++;
            else if (!HoldsMap(terms[i]))
                wrong.Add($"{Otp.Terms.Term.Format(terms[i])}: erl writes {theirs[i]}, C# {ours[i]}");
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong.Take(10)));
        // Most generated terms hold no map, so byte equality was checked for most of them.
        Assert.True(sameBytes > ours.Count / 2, $"only {sameBytes} of {ours.Count} came back byte for byte");
    }

    private static bool HoldsMap(object? term) => term switch
    {
        ErlangMap m => m.Count > 1 || m.Any(p => HoldsMap(p.Key) || HoldsMap(p.Value)),
        ErlangTuple t => t.Any(HoldsMap),
        ErlangList l => l.Any(HoldsMap) || HoldsMap(l.Tail),
        _ => false,
    };
}
