using System.Buffers;
using System.Buffers.Binary;
using Otp.Distribution.Terms;

namespace Otp.Distribution.Connections;

/// <summary>
/// Builds one connected-phase frame: a 4-byte big-endian length, the pass-through tag 112 ('p'),
/// the control term and, for messages that carry one, the payload term (each with its version
/// byte). Encoding happens on the sender's thread, so a term with no Erlang form fails there.
/// </summary>
internal static class Frame
{
    public const byte PassThrough = 112;

    /// <summary>An empty frame: a tick, which only shows the connection is alive.</summary>
    public static readonly byte[] Tick = new byte[4];

    /// <exception cref="ArgumentException">A term has no Erlang form.</exception>
    public static byte[] Build(ErlangTuple control, object? payload, bool hasPayload, IExternalTermContext context)
    {
        var buffer = new ArrayBufferWriter<byte>(64);
        buffer.GetSpan(5);
        buffer.Advance(4);
        buffer.GetSpan(1)[0] = PassThrough;
        buffer.Advance(1);
        ExternalTermFormat.Encode(control, buffer, context);
        if (hasPayload) ExternalTermFormat.Encode(payload, buffer, context);
        var frame = buffer.WrittenSpan.ToArray();
        BinaryPrimitives.WriteUInt32BigEndian(frame, (uint)(frame.Length - 4));
        return frame;
    }
}
