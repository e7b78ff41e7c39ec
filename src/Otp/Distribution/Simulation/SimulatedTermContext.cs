using Otp.Distribution.Terms;

namespace Otp.Distribution.Simulation;

/// <summary>The codec's view of a simulated node: as a real node's, a decoded pid of this node
/// finds its live process again; and the network's records are rebuilt.</summary>
internal sealed class SimulatedTermContext(Node node, Atom name, uint creation, TermRecords? records)
    : ExternalTermContext(name, creation, records)
{
    public override Pid LocalPid(uint id, uint serial) =>
        node.LiveProcess(id | ((long)serial << 32))?.Self ?? base.LocalPid(id, serial);
}
