using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Otp.Distribution.Terms;

namespace Otp.Distribution.Tests.Nodes;

/// <summary>
/// Bad input never takes a node down: thousands of random and mutated messages at a listening
/// node, in the handshake phase (raw connections) and in the connected phase (after a real
/// handshake), and the node still answers a ping.
/// </summary>
public class FuzzTests
{
    private const int Seed = 20261202;

    [Fact]
    public async Task Ten_thousand_random_and_mutated_frames_leave_the_node_answering_ping()
    {
        await using var cluster = TestCluster.Start();
        var target = await cluster.StartNodeAsync("target", tweak: o => o with { MaxFrameSize = 1 << 20, SetupTime = TimeSpan.FromSeconds(2) });
        var random = new Random(Seed);
        var ct = TestContext.Current.CancellationToken;
        var sent = 0;

        // Handshake phase: a connection per message, each a random or mutated name message.
        var name = System.Text.Encoding.UTF8.GetBytes(cluster.NameOf("fuzz"));
        for (var i = 0; i < 5000; i++)
        {
            using var client = new TcpClient(AddressFamily.InterNetwork) { NoDelay = true, LingerState = new LingerOption(true, 0) };
            await client.ConnectAsync(IPAddress.Loopback, target.DistributionPort, ct);
            var message = HandshakeMessage(random, name);
            try { await client.GetStream().WriteAsync(message, ct); } catch (IOException) { }
            sent++;
        }

        // Connected phase: a real handshake, then a batch of frames (mostly well-formed sends of
        // random terms, then mutated ones); the node closes the connection at the first bad one.
        for (var c = 0; c < 250; c++)
        {
            var (stream, _) = await RawPeer.ConnectAsync(target, cluster, "bookclub");
            await using (stream)
            {
                var ctx = new ExternalTermContext(new Atom("raw@localhost"), 7);
                var batch = new MemoryStream();
                for (var f = 0; f < 20; f++)
                {
                    var frame = GoodFrame(random, target.Name, ctx);
                    if (f >= 15) frame = Mutate(random, frame);
                    batch.Write(frame);
                    sent++;
                }
                try { await stream.WriteAsync(batch.ToArray(), ct); } catch (IOException) { }
            }
        }
        Assert.True(sent >= 10_000, $"only {sent} frames sent");

        var checker = await cluster.StartNodeAsync("checker");
        Assert.True(await checker.PingAsync(target.Name), $"the fuzzed node no longer answers a ping (seed {Seed})");
        Assert.True(target.IsAlive(target.WhereIs("net_kernel")!));
        // The bad frames were seen and refused one connection at a time, not silently skipped.
        await Task.Delay(200, ct);
        Assert.True(cluster.Log.Count(l => l.Contains("closed:")) >= 200, string.Join("\n", cluster.Log.Take(20)));
    }

    private static byte[] HandshakeMessage(Random r, byte[] name)
    {
        switch (r.Next(4))
        {
            case 0: // pure noise
                var noise = new byte[r.Next(0, 64)];
                r.NextBytes(noise);
                return noise;
            case 1: // a length that promises more than comes
                return [0xFF, 0xFF, (byte)'N', 1, 2, 3];
            default: // a plausible 'N' message, mutated
                var m = new byte[2 + 15 + name.Length];
                BinaryPrimitives.WriteUInt16BigEndian(m, (ushort)(m.Length - 2));
                m[2] = (byte)'N';
                BinaryPrimitives.WriteUInt64BigEndian(m.AsSpan(3), (ulong)Handshake.DistributionFlagSets.Offered);
                BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(11), 5);
                BinaryPrimitives.WriteUInt16BigEndian(m.AsSpan(15), (ushort)name.Length);
                name.CopyTo(m, 17);
                for (var k = r.Next(1, 4); k > 0; k--) m[r.Next(m.Length)] = (byte)r.Next(256);
                return r.Next(3) == 0 ? m[..r.Next(m.Length)] : m;
        }
    }

    private static byte[] GoodFrame(Random r, string targetNode, ExternalTermContext ctx)
    {
        // Pids of the target that no process has (system processes have small numbers).
        var to = Pid.Remote(new Atom(targetNode), (uint)r.Next(100_000, 200_000), 0, 1);
        var from = Pid.Remote(new Atom("raw@localhost"), (uint)r.Next(1, 1000), 0, 7);
        object control = r.Next(3) switch
        {
            0 => new ErlangTuple(2, new Atom(""), to),
            1 => new ErlangTuple(22, from, to),
            _ => new ErlangTuple(6, from, new Atom(""), new Atom("nobody" + r.Next(10))),
        };
        var payload = RandomTerm(r, 3);
        var body = new MemoryStream();
        body.WriteByte(112);
        body.Write(ExternalTermFormat.Encode(control, ctx));
        body.Write(ExternalTermFormat.Encode(payload, ctx));
        var frame = new byte[4 + body.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame, (uint)body.Length);
        body.ToArray().CopyTo(frame, 4);
        return frame;
    }

    private static object RandomTerm(Random r, int depth) => (depth == 0 ? r.Next(4) : r.Next(7)) switch
    {
        0 => r.Next(),
        1 => new Atom("a" + r.Next(100)),
        2 => (long)r.NextInt64(),
        3 => r.NextDouble(),
        4 => new ErlangTuple([.. Enumerable.Range(0, r.Next(4)).Select(_ => RandomTerm(r, depth - 1))]),
        5 => new ErlangList([.. Enumerable.Range(0, r.Next(4)).Select(_ => RandomTerm(r, depth - 1))]),
        _ => new ErlangTuple(new Atom("x"), RandomTerm(r, depth - 1)),
    };

    private static byte[] Mutate(Random r, byte[] frame)
    {
        switch (r.Next(5))
        {
            case 0: // flip bytes after the length
                var f = (byte[])frame.Clone();
                for (var k = r.Next(1, 5); k > 0; k--) f[4 + r.Next(f.Length - 4)] = (byte)r.Next(256);
                return f;
            case 1: // an oversized length
                var big = (byte[])frame.Clone();
                BinaryPrimitives.WriteUInt32BigEndian(big, 0xFFFF_FFF0);
                return big;
            case 2: // a length shorter than the terms: a truncated term
                var cut = (byte[])frame.Clone();
                BinaryPrimitives.WriteUInt32BigEndian(cut, (uint)r.Next(1, frame.Length - 4));
                return cut;
            case 3: // an unknown control message
                var unknown = new MemoryStream();
                unknown.WriteByte(112);
                unknown.Write(ExternalTermFormat.Encode(new ErlangTuple(99, new Atom("what"))));
                var u = new byte[4 + unknown.Length];
                BinaryPrimitives.WriteUInt32BigEndian(u, (uint)unknown.Length);
                unknown.ToArray().CopyTo(u, 4);
                return u;
            default: // noise with a plausible length
                var noise = new byte[4 + r.Next(1, 200)];
                r.NextBytes(noise);
                BinaryPrimitives.WriteUInt32BigEndian(noise, (uint)(noise.Length - 4));
                return noise;
        }
    }
}
