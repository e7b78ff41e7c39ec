using Otp;

namespace Lab02.SelectiveReceive;

/// <summary>A message with a priority: the higher <paramref name="Level"/>, the more urgent.
/// Prints as Erlang prints <c>{15,high}</c>.</summary>
public sealed record Job(int Level, string Item)
{
    /// <inheritdoc/>
    public override string ToString() => $"{{{Level},{Item}}}";
}

/// <summary>A request to a server (task 4): answer <paramref name="Body"/> to <paramref name="From"/>,
/// tagged with <paramref name="Tag"/>.</summary>
public sealed record Request(Pid From, Ref Tag, object Body)
{
    /// <inheritdoc/>
    public override string ToString() => $"{{request,{From},{Tag},{Otp.Terms.Term.Format(Body)}}}";
}

/// <summary>A server's answer to the <see cref="Request"/> with the same <paramref name="Tag"/>.</summary>
public sealed record Response(Ref Tag, object Body)
{
    /// <inheritdoc/>
    public override string ToString() => $"{{response,{Tag},{Otp.Terms.Term.Format(Body)}}}";
}
