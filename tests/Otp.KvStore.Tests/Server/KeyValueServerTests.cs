using Otp.Behaviours;
using Otp.KvStore.Pure;
using Otp.KvStore.Server;

namespace Otp.KvStore.Tests.Server;

/// <summary>The server process around the pure module.</summary>
public class KeyValueServerTests
{
    [Fact]
    public async Task Set_get_and_delete_through_calls()
    {
        using var node = Node.StartDeterministic(trace: false);
        var lines = await node.RunAsync(async self =>
        {
            var pid = await GenServer.StartLinkAsync(self, new KeyValueServer<int>());
            var log = new List<string>
            {
                $"get a: {await KeyValueServer.GetAsync<int>(self, pid, "a")}",
                $"set a: {await KeyValueServer.SetAsync(self, pid, "a", 1) is null}",
                $"get a: {await KeyValueServer.GetAsync<int>(self, pid, "a")}",
                $"set a: {await KeyValueServer.SetAsync(self, pid, "a", 2) is null}",
                $"get a: {await KeyValueServer.GetAsync<int>(self, pid, "a")}",
                $"delete a: {await KeyValueServer.DeleteAsync(self, pid, "a") is null}",
                $"delete a: {await KeyValueServer.DeleteAsync(self, pid, "a") is null}",
                $"get a: {await KeyValueServer.GetAsync<int>(self, pid, "a")}",
            };
            return log;
        });
        Assert.Equal(
        [
            "get a: {error,{not_found,\"key not found\",#{key => a}}}",
            "set a: True",
            "get a: {ok,1}",
            "set a: True",
            "get a: {ok,2}",
            "delete a: True",
            "delete a: True",
            "get a: {error,{not_found,\"key not found\",#{key => a}}}",
        ], lines);
    }

    [Fact]
    public async Task An_error_is_a_reply_and_the_server_keeps_its_data()
    {
        using var node = Node.StartDeterministic(trace: false);
        var (error, after, alive) = await node.RunAsync(async self =>
        {
            var pid = await GenServer.StartLinkAsync(self, new KeyValueServer<string>());
            await KeyValueServer.SetAsync(self, pid, "kept", "yes");
            var error = await KeyValueServer.SetAsync(self, pid, null!, "no");
            var after = await KeyValueServer.GetAsync<string>(self, pid, "kept");
            return (error, after, self.IsAlive(pid));
        });
        Assert.Equal(KvError.InvalidKey, error?.Type);
        Assert.Equal(new KvResult<string>.Ok("yes"), after);
        Assert.True(alive);
    }
}
