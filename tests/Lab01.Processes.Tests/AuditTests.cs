using Lab01.Processes;

namespace Lab01.Processes.Tests;

public class AuditTests
{
    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task4_AnOrderIsACopyOfTheBasket()
    {
        var basket = new Basket("ann");
        basket.Items.Add("tea");
        var order = (await Lab.RunAsync(self => Task.FromResult(Audit.OrderOf(basket)))).Result;
        basket.Items.Add("cake");
        basket.Items[0] = "coffee";
        Assert.Equal("ann", order.Customer);
        Assert.Equal(["tea"], order.Items);
        // A copy that is itself a List could still be changed by whoever receives it.
        Assert.IsNotType<List<string>>(order.Items);
    }

    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task4_AuditKeepsWhatWasSentNotWhatChangedLater()
    {
        var run = await Lab.RunAsync(async self =>
        {
            self.Node.Trace!.Label(self.Self, "shop");
            var audit = Audit.Start(self);
            self.Node.Trace.Label(audit, "audit");
            var basket = new Basket("ann");
            basket.Items.Add("tea");
            self.Send(audit, Audit.OrderOf(basket));
            basket.Items.Add("cake");
            self.Send(audit, Audit.OrderOf(basket));
            basket.Items.Clear();
            self.Send(audit, new GetOrders(self.Self));
            return await self.Receive<AuditLog>();
        });
        Assert.Equal(["tea|", "tea|cake|"], run.Result.Orders.Select(o => string.Concat(o.Items.Select(i => i + "|"))));
        await Verify(run.Trace);
    }
}
