using Otp;
using Otp.CodeLoading;

namespace Lab04.HotCodeSwap;

/// <summary>
/// Task 2: a plain process (no ModuleServer) that runs a module's <see cref="IServerModule"/> and
/// moves to new code only when told, through a fully qualified call.
/// </summary>
public static class Upgradable
{
    /// <summary>
    /// Spawns a process that enters the current version of <paramref name="module"/>, creates its
    /// state with <see cref="IServerModule.Init"/>(null), and then loops: an <see cref="Ask"/> is
    /// handled by the version it runs (its "local call") and answered with an <see cref="Answer"/>;
    /// an <see cref="Upgrade"/> makes the fully qualified call, hands the state to the new
    /// version's <see cref="IServerModule.CodeChange"/>, and answers with <see cref="NowRunning"/>.
    /// </summary>
    public static Pid Start(Process self, string module) => self.Spawn(async me =>
    {
        var code = me.EnterModule(module);
        var state = code.Create<IServerModule>().Init(null);
        while (true)
        {
            switch (await me.Receive(m => m is Ask or Upgrade))
            {
                case Ask ask:
                    var (reply, next) = code.Create<IServerModule>().HandleCall(ask.Request, state);
                    state = next;
                    me.Send(ask.From, new Answer(reply));
                    break;
                case Upgrade upgrade:
                    var from = code.Number;
                    code = me.EnterModule(module); // module:loop(State), the fully qualified call
                    if (code.Number != from) state = code.Create<IServerModule>().CodeChange(from, state);
                    me.Send(upgrade.From, new NowRunning(code.Number));
                    break;
            }
        }
    });

    /// <summary>Sends an <see cref="Ask"/> and waits for the <see cref="Answer"/>.</summary>
    public static async Task<object?> AskAsync(Process self, Pid process, object request)
    {
        self.Send(process, new Ask(self.Self, request));
        return (await self.Receive<Answer>()).Value;
    }

    /// <summary>Sends an <see cref="Upgrade"/> and returns the version the process runs afterwards.</summary>
    public static async Task<int> UpgradeAsync(Process self, Pid process)
    {
        self.Send(process, new Upgrade(self.Self));
        return (await self.Receive<NowRunning>()).Version;
    }
}
