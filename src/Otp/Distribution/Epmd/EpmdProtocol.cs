using System.Buffers.Binary;
using System.Text;

namespace Otp.Distribution.Epmd;

/// <summary>EPMD's request and reply codes and its framing: every request starts with a 2-byte
/// big-endian length; replies are not length-prefixed.</summary>
internal static class EpmdProtocol
{
    public const byte Alive2Req = 120;
    public const byte Alive2XResp = 118;
    public const byte Alive2Resp = 121;
    public const byte PortPlease2Req = 122;
    public const byte Port2Resp = 119;
    public const byte NamesReq = 110;

    /// <summary>Node type in ALIVE2_REQ: 77 normal, 72 hidden (informational; the handshake's
    /// PUBLISHED flag is what decides visibility).</summary>
    public const byte NormalNode = 77;
    public const byte HiddenNode = 72;

    /// <summary>The port EPMD listens on: <c>ERL_EPMD_PORT</c> if set, else 4369.</summary>
    public static int DefaultPort =>
        int.TryParse(Environment.GetEnvironmentVariable("ERL_EPMD_PORT"), out var p) && p is > 0 and < 65536 ? p : 4369;

    public static byte[] Alive2Request(string alive, int port, bool hidden)
    {
        var name = Encoding.UTF8.GetBytes(alive);
        var body = new byte[13 + name.Length];
        body[0] = Alive2Req;
        BinaryPrimitives.WriteUInt16BigEndian(body.AsSpan(1), (ushort)port);
        body[3] = hidden ? HiddenNode : NormalNode;
        body[4] = 0; // TCP over IPv4
        BinaryPrimitives.WriteUInt16BigEndian(body.AsSpan(5), 6);
        BinaryPrimitives.WriteUInt16BigEndian(body.AsSpan(7), 6);
        BinaryPrimitives.WriteUInt16BigEndian(body.AsSpan(9), (ushort)name.Length);
        name.CopyTo(body.AsSpan(11));
        BinaryPrimitives.WriteUInt16BigEndian(body.AsSpan(11 + name.Length), 0);
        return WithLength(body);
    }

    public static byte[] WithLength(ReadOnlySpan<byte> body)
    {
        var framed = new byte[body.Length + 2];
        BinaryPrimitives.WriteUInt16BigEndian(framed, (ushort)body.Length);
        body.CopyTo(framed.AsSpan(2));
        return framed;
    }
}
