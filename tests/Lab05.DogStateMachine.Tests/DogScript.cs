using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Text;
using Lab05.DogStateMachine;
using Otp.Behaviours;

namespace Lab05.DogStateMachine.Tests;

/// <summary>
/// Runs an event script (Scripts/*.txt: one event per line, <c>wait &lt;seconds&gt;</c>, or
/// <c>stop</c>) against a dog on a deterministic node, and writes down what the dog said and its
/// state after each step. The Erlang dog prints the same transcript for the same script.
/// </summary>
internal static class DogScript
{
    public static Task<string> RunAsync(Func<Action<string>, StateMachine<DogState, int>> makeDog, string script, [CallerFilePath] string here = "") =>
        RunAsync(DogUnderTest.OnStateMachine(makeDog), script, here);

    public static async Task<string> RunAsync(DogUnderTest dogUnderTest, string script, [CallerFilePath] string here = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(here)!, "Scripts", script + ".txt");
        var steps = File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        var run = await Lab.RunAsync(async self =>
        {
            var said = new List<string>();
            var transcript = new StringBuilder();
            void Flush()
            {
                foreach (var line in said) transcript.Append("dog ").Append(line).Append('\n');
                said.Clear();
            }
            async Task StateAsync(Pid dog)
            {
                var (state, barks) = await dogUnderTest.GetState(self, dog);
                Flush();
                transcript.Append(CultureInfo.InvariantCulture, $"= {Atom(state)} (barks: {barks})\n");
            }

            Pid dog;
            try
            {
                dog = await dogUnderTest.Start(self, said.Add);
            }
            catch (StartFailedException e) when (e.Reason.Exception is { } crash)
            {
                // Show the dog's own exception (for a starter: "Task 1: ... not written yet").
                ExceptionDispatchInfo.Throw(crash);
                throw;
            }
            self.Node.Trace!.Label(dog, "dog");
            self.Node.Trace!.Label(self.Self, "script");
            transcript.Append("== start\n");
            await StateAsync(dog);
            foreach (var step in steps)
            {
                transcript.Append("== ").Append(step).Append('\n');
                if (step.StartsWith("wait ", StringComparison.Ordinal))
                {
                    await self.Sleep(TimeSpan.FromSeconds(double.Parse(step[5..], CultureInfo.InvariantCulture)));
                    await StateAsync(dog);
                }
                else if (step == "stop")
                {
                    var monitor = self.Monitor(dog);
                    GenServer.Cast(self, dog, "stop");
                    var down = await self.Receive<Down>(d => d.Ref == monitor);
                    Flush();
                    transcript.Append(CultureInfo.InvariantCulture, $"= stopped ({down.Reason})\n");
                }
                else
                {
                    GenServer.Cast(self, dog, step);
                    await StateAsync(dog);
                }
            }
            return transcript.ToString();
        }, virtualTime: TimeSpan.FromMinutes(10));
        return run.Result;
    }

    /// <summary>WaggingTail → wagging_tail, as the Erlang atom.</summary>
    private static string Atom(DogState state) =>
        string.Concat(state.ToString().Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(c) : c.ToString()));
}

/// <summary>How a script starts a dog and asks for its state: the two dogs of the lab differ
/// only there. Events go to both as casts (the gen_server protocol, which gen_statem shares).</summary>
internal sealed record DogUnderTest(
    Func<Process, Action<string>, ValueTask<Pid>> Start,
    Func<Process, Pid, ValueTask<(DogState State, int Barks)>> GetState)
{
    public static DogUnderTest OnStateMachine(Func<Action<string>, StateMachine<DogState, int>> makeDog) => new(
        (self, say) => StateMachine.StartAsync(self, makeDog(say)),
        async (self, dog) => await StateMachine.GetStateAsync<DogState, int>(self, dog));

    /// <summary>Task 4's dog: Stateless, hosted by <see cref="StatelessDogServer"/>.</summary>
    public static DogUnderTest Stateless { get; } = new(StatelessDogServer.StartAsync, StatelessDogServer.GetStateAsync);
}
