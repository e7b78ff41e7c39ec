using Otp;

namespace Lab01.Processes;

/// <summary>
/// A shopping basket as a user interface would keep it: mutable, changed in place. Given; do not
/// change it. It must never travel in a message.
/// </summary>
public sealed class Basket(string customer)
{
    /// <summary>Whose basket it is.</summary>
    public string Customer { get; } = customer;

    /// <summary>What is in it now; the list changes as the user shops.</summary>
    public List<string> Items { get; } = [];
}

/// <summary>A placed order: what <paramref name="Customer"/>'s basket held at that moment.</summary>
public sealed record Order(string Customer, IReadOnlyList<string> Items)
{
    /// <summary>Erlang-like text for traces: <c>Order(ann, [tea,cake])</c>.</summary>
    public override string ToString() => $"Order({Customer}, [{string.Join(",", Items)}])";
}

/// <summary>Asks the audit for every order it has kept, to be sent to <paramref name="From"/>.</summary>
public sealed record GetOrders(Pid From);

/// <summary>The audit's answer: every order it received, oldest first.</summary>
public sealed record AuditLog(IReadOnlyList<Order> Orders)
{
    /// <summary>Erlang-like text for traces.</summary>
    public override string ToString() => $"AuditLog([{string.Join(", ", Orders)}])";
}

/// <summary>Task 4: share nothing. An audit process keeps the orders it is sent.</summary>
public static class Audit
{
    /// <summary>
    /// The order to send for <paramref name="basket"/> as it is now: a copy of its items that
    /// later changes to the basket cannot reach.
    /// </summary>
    public static Order OrderOf(Basket basket) =>
        throw new NotImplementedException("Task 4 is not written yet: see README, task 4");

    /// <summary>
    /// Spawns an audit process and returns its pid. It keeps every <see cref="Order"/> it
    /// receives, in arrival order, and answers <see cref="GetOrders"/> with an
    /// <see cref="AuditLog"/> of all of them.
    /// </summary>
    public static Pid Start(Process self) =>
        throw new NotImplementedException("Task 4 is not written yet: see README, task 4");
}
