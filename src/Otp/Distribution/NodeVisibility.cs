namespace Otp.Distribution;

/// <summary>Which connected nodes <see cref="Node.Nodes"/> lists, as Erlang's <c>nodes/1</c>.</summary>
[Flags]
public enum NodeVisibility
{
    /// <summary>Nodes that published themselves (Erlang's <c>nodes()</c> / <c>nodes(visible)</c>).</summary>
    Visible = 1,
    /// <summary>Hidden nodes (<c>nodes(hidden)</c>): C nodes, JInterface, and C# nodes by default.</summary>
    Hidden = 2,
    /// <summary>Every connected node (<c>nodes(connected)</c>).</summary>
    Connected = Visible | Hidden,
}
