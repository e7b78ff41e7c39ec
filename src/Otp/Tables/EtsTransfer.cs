using Otp.Terms;

namespace Otp.Tables;

/// <summary>
/// The message a process receives when a table becomes its own: Erlang's
/// <c>{'ETS-TRANSFER', Tab, FromPid, Data}</c>. It comes from the table's heir option when the
/// owner ends (<see cref="TableOptions.Heir"/>, Data is the heir data) or from
/// <see cref="Ets.GiveAway"/> (Data is the gift).
/// </summary>
/// <param name="Table">The table as <see cref="Ets.New"/> returned it: its name for a named
/// table (as on the BEAM), else its identifier.</param>
/// <param name="From">The previous owner.</param>
/// <param name="Data">The heir data or the gift.</param>
public sealed record EtsTransfer(TableId Table, Pid From, object? Data)
{
    /// <summary>Erlang notation, <c>{'ETS-TRANSFER',#Ref&lt;…&gt;,&lt;0.7.0&gt;,data}</c>.</summary>
    public override string ToString() => $"{{'ETS-TRANSFER',{Table},{From},{Term.Format(Data)}}}";
}
