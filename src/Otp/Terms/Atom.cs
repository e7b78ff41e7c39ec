namespace Otp;

/// <summary>
/// An Erlang atom: a constant whose value is its own name, such as <c>normal</c> or <c>pong</c>.
/// Two atoms are equal when their names are equal. Prints the way Erlang prints it, quoted when
/// the name is not a plain lower-case word.
/// </summary>
public readonly record struct Atom(string Name)
{
    /// <summary>Erlang's printed form: <c>ok</c>, <c>'EXIT'</c>, <c>'hello world'</c>.</summary>
    public override string ToString() => IsPlain(Name) ? Name : $"'{Name.Replace("'", "\\'")}'";

    private static bool IsPlain(string s) =>
        s.Length > 0 && char.IsAsciiLetterLower(s[0]) && s.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '@');

    /// <summary>Makes an atom from its name.</summary>
    public static implicit operator Atom(string name) => new(name);
}
