using System.Diagnostics;
using Akka.Actor;
using Otp.Benchmarks.Benchmarks;

namespace Otp.Benchmarks.Peers.AkkaNet;

/// <summary>
/// The burst benchmark on Akka.NET: <c>senders</c> actors, started and idle before the clock
/// starts, each <c>Tell</c> <c>perSender</c> messages to one receiver when told to go; messages
/// per second until the receiver has had the last one.
/// </summary>
internal static class AkkaBurstBenchmark
{
    public static async Task<Measurement[]> RunAsync(ActorSystem system, int senders, int perSender)
    {
        var total = senders * perSender;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var receiver = system.ActorOf(Props.Create(() => new Receiver(total, done)));
        var started = new StartCounter(senders);
        var senderProps = Props.Create(() => new Sender(receiver, perSender, started));
        var actors = Enumerable.Range(0, senders).Select(_ => system.ActorOf(senderProps)).ToList();
        await started.All;

        var start = Stopwatch.GetTimestamp();
        foreach (var a in actors) a.Tell(Go.Instance);
        await done.Task;
        var elapsed = Stopwatch.GetElapsedTime(start);
        await Task.WhenAll(actors.Append(receiver).Select(a => a.GracefulStop(TimeSpan.FromMinutes(1))));
        return [new("messages_per_s", total / elapsed.TotalSeconds)];
    }

    private sealed class Receiver(int total, TaskCompletionSource done) : UntypedActor
    {
        private int _received;

        protected override void OnReceive(object message)
        {
            if (message is not Burst) Unhandled(message);
            else if (++_received == total) done.SetResult();
        }
    }

    private sealed class Sender(IActorRef receiver, int perSender, StartCounter started) : UntypedActor
    {
        protected override void PreStart() => started.Add();

        protected override void OnReceive(object message)
        {
            if (message is not Go) Unhandled(message);
            else
                for (var i = 0; i < perSender; i++) receiver.Tell(new Burst(i));
        }
    }
}
