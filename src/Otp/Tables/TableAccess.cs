namespace Otp.Tables;

/// <summary>Who may read and write a table (<c>ets:new/2</c>'s access option). A forbidden
/// access raises <c>badarg</c> (<see cref="BadArgException"/>).</summary>
public enum TableAccess
{
    /// <summary>Every process reads and writes.</summary>
    Public,

    /// <summary>The owner reads and writes; every other process only reads. Erlang's default.</summary>
    Protected,

    /// <summary>Only the owner reads or writes.</summary>
    Private,
}
