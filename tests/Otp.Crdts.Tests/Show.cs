using System.Collections;
using System.Runtime.CompilerServices;

namespace Otp.Crdts.Tests;

/// <summary>Prints query results as Erlang-like terms, so assertions compare with what Lasp prints.</summary>
internal static class Show
{
    public static string Term(object? x) => x switch
    {
        null => "undefined",
        bool b => b ? "true" : "false",
        string s => s,
        IDictionary d => "[" + string.Join(",", d.Keys.Cast<object>().Select(k => "{" + Term(k) + "," + Term(d[k]) + "}")) + "]",
        ITuple t => "{" + string.Join(",", Enumerable.Range(0, t.Length).Select(i => Term(t[i]))) + "}",
        IEnumerable e => "[" + string.Join(",", e.Cast<object>().Select(Term)) + "]",
        _ => x.ToString() ?? "",
    };
}
