using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Otp.Distribution.Handshake;

/// <summary>
/// The distribution handshake, version 6 (OTP 23 and later), on an open connection. Every
/// handshake message has a 2-byte big-endian length. The initiator sends its name ('N'), the
/// acceptor a status ('s'), then a challenge ('N'); each side proves it knows the cookie by
/// returning MD5(cookie ++ challenge as decimal text): the initiator in 'r', the acceptor in 'a'.
/// </summary>
public static class Handshake
{
    /// <summary>Runs the initiator's side against a node that should be named <paramref name="peer"/>.</summary>
    /// <exception cref="HandshakeException">Refused, wrong cookie, wrong name, missing flags, or a
    /// protocol error.</exception>
    public static async Task<HandshakeResult> InitiateAsync(Stream s, HandshakeSettings me, string peer, CancellationToken ct)
    {
        await WriteAsync(s, NameMessage(me), ct).ConfigureAwait(false);
        var status = await ReadAsync(s, ct).ConfigureAwait(false);
        if (status.Length < 1 || status[0] != 's') throw new HandshakeException($"Connection to {peer}: expected a status message, got {Describe(status)}");
        var text = Encoding.ASCII.GetString(status, 1, status.Length - 1);
        switch (text)
        {
            case "ok" or "ok_simultaneous": break;
            case "alive":
                // The peer still holds a connection from an earlier incarnation of this node; this
                // node dials only when it has none, so that one is stale: replace it.
                await WriteAsync(s, "strue"u8.ToArray(), ct).ConfigureAwait(false);
                break;
            case "nok": throw new HandshakeException($"Connection to {peer}: simultaneous connect, the other direction wins (nok)");
            case "not_allowed": throw new HandshakeException($"Connection attempt to node {peer} refused by it: not_allowed (a missing flag, or net_kernel:allow/1 excludes this node)");
            default: throw new HandshakeException($"Connection to {peer}: unknown status '{text}'");
        }

        var challenge = await ReadAsync(s, ct).ConfigureAwait(false);
        // 'N', Flags:64, Challenge:32, Creation:32, Nlen:16, Name
        if (challenge.Length < 19 || challenge[0] != 'N') throw new HandshakeException($"Connection to {peer}: expected a challenge ('N'), got {Describe(challenge)}");
        var flags = (DistributionFlags)BinaryPrimitives.ReadUInt64BigEndian(challenge.AsSpan(1));
        var peerChallenge = BinaryPrimitives.ReadUInt32BigEndian(challenge.AsSpan(9));
        var creation = BinaryPrimitives.ReadUInt32BigEndian(challenge.AsSpan(13));
        var nlen = BinaryPrimitives.ReadUInt16BigEndian(challenge.AsSpan(17));
        if (challenge.Length != 19 + nlen) throw new HandshakeException($"Connection to {peer}: challenge message of wrong length");
        var name = Encoding.UTF8.GetString(challenge, 19, nlen);
        // As dist_util does: the node that answered must be the node that was dialled.
        if (name != peer) throw new HandshakeException($"Connection to {peer} aborted: the node answering is named {name}");
        var missing = DistributionFlagSets.MissingMandatory(flags);
        if (missing.Count > 0) throw new HandshakeException($"Connection attempt to node {peer} aborted since it cannot handle [{string.Join(",", missing)}]");

        var mine = NewChallenge();
        var reply = new byte[21];
        reply[0] = (byte)'r';
        BinaryPrimitives.WriteUInt32BigEndian(reply.AsSpan(1), mine);
        Digest(peerChallenge, me.Cookie).CopyTo(reply.AsSpan(5));
        await WriteAsync(s, reply, ct).ConfigureAwait(false);

        byte[] ack;
        try
        {
            ack = await ReadAsync(s, ct).ConfigureAwait(false);
        }
        catch (HandshakeException e)
        {
            // OTP closes without a word when our digest is wrong.
            throw new HandshakeException($"Connection attempt to node {peer} failed: it closed the connection after our challenge reply (wrong cookie?)", e);
        }
        if (ack.Length != 17 || ack[0] != 'a') throw new HandshakeException($"Connection to {peer}: expected a challenge ack ('a'), got {Describe(ack)}");
        if (!CryptographicOperations.FixedTimeEquals(ack.AsSpan(1), Digest(mine, me.Cookie)))
            throw new HandshakeException($"Connection attempt to node {peer} rejected: its challenge ack does not match our cookie (wrong cookie)");
        return new HandshakeResult(name, flags, DistributionFlagSets.Expand(flags) & DistributionFlagSets.Expand(me.Flags), creation);
    }

    /// <summary>
    /// Runs the acceptor's side. <paramref name="decide"/> is asked, once the peer's name and flags
    /// are known, how to answer (simultaneous connects, existing connections).
    /// </summary>
    /// <exception cref="HandshakeException">Refused, wrong cookie or protocol error; the message
    /// says which, for the log.</exception>
    public static async Task<HandshakeResult> AcceptAsync(Stream s, HandshakeSettings me, Func<string, DistributionFlags, AcceptDecision> decide, CancellationToken ct)
    {
        var hello = await ReadAsync(s, ct).ConfigureAwait(false);
        // 'N', Flags:64, Creation:32, Nlen:16, Name
        if (hello.Length < 15 || hello[0] != 'N')
            throw new HandshakeException($"Connection attempt refused: the first message is not a version 6 name message ('N'), got {Describe(hello)}");
        var flags = (DistributionFlags)BinaryPrimitives.ReadUInt64BigEndian(hello.AsSpan(1));
        var creation = BinaryPrimitives.ReadUInt32BigEndian(hello.AsSpan(9));
        var nlen = BinaryPrimitives.ReadUInt16BigEndian(hello.AsSpan(13));
        if (hello.Length != 15 + nlen) throw new HandshakeException("Connection attempt refused: name message of wrong length");
        var name = Encoding.UTF8.GetString(hello, 15, nlen);
        if (!IsNodeName(name)) throw new HandshakeException($"Connection attempt refused: '{name}' is not a node name");

        var missing = DistributionFlagSets.MissingMandatory(flags);
        var decision = missing.Count > 0 ? AcceptDecision.NotAllowed : decide(name, flags);
        await WriteAsync(s, Encoding.ASCII.GetBytes("s" + decision switch
        {
            AcceptDecision.Ok => "ok",
            AcceptDecision.OkSimultaneous => "ok_simultaneous",
            AcceptDecision.Nok => "nok",
            AcceptDecision.Alive => "alive",
            _ => "not_allowed",
        }), ct).ConfigureAwait(false);
        if (missing.Count > 0) throw new HandshakeException($"** Connection attempt from node {name} rejected since it cannot handle [{string.Join(",", missing)}]. **");
        if (decision == AcceptDecision.NotAllowed) throw new HandshakeException($"** Connection attempt from disallowed node {name} ** ");
        if (decision == AcceptDecision.Nok) throw new HandshakeException($"Connection attempt from node {name}: simultaneous connect, our own attempt wins (nok)");
        if (decision == AcceptDecision.Alive)
        {
            var answer = await ReadAsync(s, ct).ConfigureAwait(false);
            if (!answer.AsSpan().SequenceEqual("strue"u8)) throw new HandshakeException($"Connection attempt from node {name}: it keeps its existing connection");
        }

        var mine = NewChallenge();
        var myName = Encoding.UTF8.GetBytes(me.Name);
        var challenge = new byte[19 + myName.Length];
        challenge[0] = (byte)'N';
        BinaryPrimitives.WriteUInt64BigEndian(challenge.AsSpan(1), (ulong)me.Flags);
        BinaryPrimitives.WriteUInt32BigEndian(challenge.AsSpan(9), mine);
        BinaryPrimitives.WriteUInt32BigEndian(challenge.AsSpan(13), me.Creation);
        BinaryPrimitives.WriteUInt16BigEndian(challenge.AsSpan(17), (ushort)myName.Length);
        myName.CopyTo(challenge.AsSpan(19));
        await WriteAsync(s, challenge, ct).ConfigureAwait(false);

        var reply = await ReadAsync(s, ct).ConfigureAwait(false);
        if (reply.Length != 21 || reply[0] != 'r') throw new HandshakeException($"Connection attempt from node {name} refused: expected a challenge reply ('r'), got {Describe(reply)}");
        var peerChallenge = BinaryPrimitives.ReadUInt32BigEndian(reply.AsSpan(1));
        if (!CryptographicOperations.FixedTimeEquals(reply.AsSpan(5), Digest(mine, me.Cookie)))
            throw new HandshakeException($"** Connection attempt from node {name} rejected. Invalid challenge reply. ** (wrong cookie)");
        var ack = new byte[17];
        ack[0] = (byte)'a';
        Digest(peerChallenge, me.Cookie).CopyTo(ack.AsSpan(1));
        await WriteAsync(s, ack, ct).ConfigureAwait(false);
        return new HandshakeResult(name, flags, DistributionFlagSets.Expand(flags) & DistributionFlagSets.Expand(me.Flags), creation);
    }

    /// <summary>MD5(cookie ++ challenge as unsigned decimal text), the proof both sides exchange.</summary>
    public static byte[] Digest(uint challenge, string cookie) =>
        MD5.HashData(Encoding.UTF8.GetBytes(cookie + challenge.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private static byte[] NameMessage(HandshakeSettings me)
    {
        var name = Encoding.UTF8.GetBytes(me.Name);
        var m = new byte[15 + name.Length];
        m[0] = (byte)'N';
        BinaryPrimitives.WriteUInt64BigEndian(m.AsSpan(1), (ulong)me.Flags);
        BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(9), me.Creation);
        BinaryPrimitives.WriteUInt16BigEndian(m.AsSpan(13), (ushort)name.Length);
        name.CopyTo(m.AsSpan(15));
        return m;
    }

    private static uint NewChallenge() => BinaryPrimitives.ReadUInt32BigEndian(RandomNumberGenerator.GetBytes(4));

    private static bool IsNodeName(string name)
    {
        var at = name.IndexOf('@');
        return at > 0 && at < name.Length - 1 && name.IndexOf('@', at + 1) < 0;
    }

    private static string Describe(byte[] m) =>
        m.Length == 0 ? "an empty message" : $"tag {m[0]} ('{(char)m[0]}'), {m.Length} bytes";

    private static async Task WriteAsync(Stream s, byte[] message, CancellationToken ct)
    {
        var framed = new byte[message.Length + 2];
        BinaryPrimitives.WriteUInt16BigEndian(framed, (ushort)message.Length);
        message.CopyTo(framed, 2);
        await s.WriteAsync(framed, ct).ConfigureAwait(false);
        await s.FlushAsync(ct).ConfigureAwait(false);
    }

    private static async Task<byte[]> ReadAsync(Stream s, CancellationToken ct)
    {
        try
        {
            var len = new byte[2];
            await s.ReadExactlyAsync(len, ct).ConfigureAwait(false);
            var m = new byte[BinaryPrimitives.ReadUInt16BigEndian(len)];
            await s.ReadExactlyAsync(m, ct).ConfigureAwait(false);
            return m;
        }
        catch (Exception e) when (e is EndOfStreamException or IOException)
        {
            throw new HandshakeException("the connection closed during the handshake", e);
        }
    }
}
