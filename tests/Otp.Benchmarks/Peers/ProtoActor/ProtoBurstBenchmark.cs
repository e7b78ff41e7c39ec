using System.Diagnostics;
using Otp.Benchmarks.Benchmarks;
using Proto;

namespace Otp.Benchmarks.Peers.ProtoActor;

/// <summary>
/// The burst benchmark on Proto.Actor: <c>senders</c> actors, started and idle before the clock
/// starts, each <c>Send</c> <c>perSender</c> messages to one receiver when told to go; messages
/// per second until the receiver has had the last one.
/// </summary>
internal static class ProtoBurstBenchmark
{
    public static async Task<Measurement[]> RunAsync(ActorSystem system, int senders, int perSender)
    {
        var total = senders * perSender;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var receiver = system.Root.Spawn(Props.FromProducer(() => new Receiver(total, done)));
        var started = new StartCounter(senders);
        var senderProps = Props.FromProducer(() => new Sender(receiver, perSender, started));
        var actors = Enumerable.Range(0, senders).Select(_ => system.Root.Spawn(senderProps)).ToList();
        await started.All;

        var start = Stopwatch.GetTimestamp();
        foreach (var a in actors) system.Root.Send(a, Go.Instance);
        await done.Task;
        var elapsed = Stopwatch.GetElapsedTime(start);
        await Task.WhenAll(actors.Append(receiver).Select(system.Root.StopAsync));
        return [new("messages_per_s", total / elapsed.TotalSeconds)];
    }

    private sealed class Receiver(int total, TaskCompletionSource done) : IActor
    {
        private int _received;

        public Task ReceiveAsync(IContext context)
        {
            if (context.Message is Burst && ++_received == total) done.SetResult();
            return Task.CompletedTask;
        }
    }

    private sealed class Sender(PID receiver, int perSender, StartCounter started) : IActor
    {
        public Task ReceiveAsync(IContext context)
        {
            switch (context.Message)
            {
                case Started:
                    started.Add();
                    break;
                case Go:
                    for (var i = 0; i < perSender; i++) context.Send(receiver, new Burst(i));
                    break;
            }
            return Task.CompletedTask;
        }
    }
}
