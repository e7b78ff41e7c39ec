using Otp.Distribution.Terms;

namespace Otp.Distribution;

/// <summary>
/// The codec's view of a distributed node: a decoded pid of this node is turned back into the
/// live process it names (looked up by number), so that a message sent to it is delivered.
/// </summary>
internal sealed class DistributionContext(Node node, Atom name, uint creation) : ExternalTermContext(name, creation)
{
    public override Pid LocalPid(uint id, uint serial)
    {
        var number = id | ((long)serial << 32);
        return node.LiveProcess(number)?.Self ?? base.LocalPid(id, serial);
    }
}
