using Otp.Distribution;

namespace Otp.Modules;

/// <summary>The few functions of Erlang's <c>erlang</c> module that other nodes call on a C# node:
/// <c>node/0</c>, <c>nodes/0,1</c>, <c>apply/3</c>, <c>exit/1</c>, <c>halt/0,1</c>.</summary>
[ErlangModule("erlang")]
internal static class ErlangBuiltins
{
    /// <summary><c>erlang:node/0</c>.</summary>
    public static Atom Node(Process self) => new(self.Node.Name);

    /// <summary><c>erlang:nodes/0</c>: the visible nodes.</summary>
    public static ErlangList Nodes(Process self) => NodeList(self.Node.Nodes(NodeVisibility.Visible));

    /// <summary><c>erlang:nodes/1</c> with <c>visible</c>, <c>hidden</c>, <c>connected</c> or a list of them (<c>this</c> is not supported).</summary>
    public static ErlangList Nodes(Process self, object which)
    {
        object?[] kinds = which is ErlangList l ? [.. l] : [which];
        var visibility = (NodeVisibility)0;
        foreach (var k in kinds)
            visibility |= k switch
            {
                Atom { Name: "visible" } => NodeVisibility.Visible,
                Atom { Name: "hidden" } => NodeVisibility.Hidden,
                Atom { Name: "connected" } => NodeVisibility.Connected,
                _ => throw new BadArgException($"erlang:nodes/1: {Terms.Term.Format(k)} is not visible, hidden or connected"),
            };
        return NodeList(self.Node.Nodes(visibility));
    }

    /// <summary><c>erlang:apply/3</c>.</summary>
    public static async Task<object?> Apply(Process self, Atom module, Atom function, ErlangList args)
    {
        try
        {
            return await self.Node.Modules.ApplyAsync(self, module, function, [.. args]);
        }
        catch (ModuleCallException e) when (e.Module == module && e.Function == function)
        {
            // As on the BEAM, the stack of an undef raised through apply/3 shows apply/3 too.
            throw e.CalledFrom(new ErlangTuple(new Atom("erlang"), new Atom("apply"), 3, ErlangList.Nil));
        }
    }

    /// <summary><c>erlang:exit/1</c>: ends the calling process with <paramref name="reason"/>.</summary>
    public static void Exit(Process self, object reason) => self.Exit(new ExitReason(reason));

    /// <summary><c>erlang:halt/0</c>: the node stops (see <see cref="Otp.Node.StopRequested"/>).</summary>
    public static Atom Halt(Process self) => Halt(self, 0);

    /// <summary><c>erlang:halt/1</c> with an exit status.</summary>
    public static Atom Halt(Process self, int status)
    {
        self.Node.RequestStop(status);
        return new Atom("ok");
    }

    private static ErlangList NodeList(IReadOnlyList<string> names) => new([.. names.Select(n => (object?)new Atom(n))]);
}
