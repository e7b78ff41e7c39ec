namespace Otp;

/// <summary>
/// Lets a C# record travel between nodes as an Erlang record, that is a tuple tagged with an
/// atom: <c>[ErlangRecord("ping")] record Ping(Pid From)</c> encodes as <c>{ping, From}</c>, the
/// primary constructor's parameters in order. Decoding turns such a tuple back into the record
/// when the type is registered with <see cref="Distribution.Terms.TermRecords"/>.
/// </summary>
/// <param name="tag">The atom that tags the tuple, for example <c>ping</c>.</param>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
public sealed class ErlangRecordAttribute(string tag) : Attribute
{
    /// <summary>The atom that tags the tuple.</summary>
    public string Tag { get; } = tag;
}
