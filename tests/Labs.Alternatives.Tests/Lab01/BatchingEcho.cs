using Lab01.Processes;

namespace Labs.Alternatives.Tests.Lab01;

/// <summary>A wrong answer to lab 1, task 1: the echo takes two messages before it answers either
/// (the task says: it waits for a message and answers it). Every client still gets its own answer,
/// so only the echo's own order of events gives it away.</summary>
public static class BatchingEcho
{
    /// <summary>Spawns the batching echo.</summary>
    public static Pid Start(Process self) => self.Spawn(async me =>
    {
        while (true)
        {
            object[] batch = [await me.Receive(), await me.Receive()];
            foreach (var message in batch)
            {
                switch (message)
                {
                    case EchoRequest request: me.Send(request.From, new EchoReply(me.Self, request.Text)); break;
                    case StopEcho: return;
                }
            }
        }
    });
}
