namespace Otp.Tables;

/// <summary>The four kinds of Erlang table (<c>ets:new/2</c>'s type option).</summary>
public enum TableType
{
    /// <summary>One object per key; keys compared with <c>=:=</c> (1 and 1.0 are two keys); no
    /// defined order.</summary>
    Set,

    /// <summary>One object per key, kept in Erlang's term order of keys; keys compared with
    /// <c>==</c> (1 and 1.0 are one key).</summary>
    OrderedSet,

    /// <summary>Many objects per key, but no two equal objects; objects of one key keep the
    /// order they were inserted in.</summary>
    Bag,

    /// <summary>Many objects per key, equal objects allowed; objects of one key keep the order
    /// they were inserted in.</summary>
    DuplicateBag,
}
