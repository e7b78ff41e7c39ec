using System.Runtime.CompilerServices;

namespace Otp.Tables;

/// <summary>
/// Erlang's match patterns for <see cref="Ets.Match"/> and <see cref="Ets.MatchObject"/>: a tuple
/// in which <see cref="Ets.Any"/> (<c>'_'</c>) matches anything and <see cref="Ets.Var"/>
/// (<c>'$1'</c>, <c>'$2'</c>, ...) matches anything and binds it (a variable used twice must match
/// equal terms). Every other element matches an exactly equal term (<c>=:=</c>); nested tuples
/// are patterns too.
/// </summary>
internal static class MatchPattern
{
    public static bool IsWildcard(object? e) => e is Atom { Name: "_" };

    public static int VariableNumber(object? e) =>
        e is Atom { Name: ['$', .. var digits] } && int.TryParse(digits, out var n) && n >= 0 ? n : -1;

    /// <summary>True if <paramref name="pattern"/> contains no wildcard and no variable, so it
    /// can be looked up as a key.</summary>
    public static bool IsGround(object? pattern) => pattern switch
    {
        _ when IsWildcard(pattern) || VariableNumber(pattern) >= 0 => false,
        ITuple t => Enumerable.Range(0, t.Length).All(i => IsGround(t[i])),
        _ => true,
    };

    /// <summary>Matches; on success <paramref name="bindings"/> holds the variables bound.</summary>
    public static bool Match(object? pattern, object? term, SortedDictionary<int, object?> bindings)
    {
        if (IsWildcard(pattern)) return true;
        var v = VariableNumber(pattern);
        if (v >= 0)
        {
            if (bindings.TryGetValue(v, out var bound)) return TermOrder.ExactlyEqual(bound, term);
            bindings[v] = term;
            return true;
        }
        if (pattern is ITuple p)
        {
            if (term is not ITuple t || t.Length != p.Length) return false;
            for (var i = 0; i < p.Length; i++)
                if (!Match(p[i], t[i], bindings)) return false;
            return true;
        }
        return TermOrder.ExactlyEqual(pattern, term);
    }
}
