using Otp;

namespace Lab04.HotCodeSwap;

// The messages of task 2's upgradable process.

/// <summary>Asks the process to handle <paramref name="Request"/> and answer <paramref name="From"/> with an <see cref="Answer"/>.</summary>
public sealed record Ask(Pid From, object Request);

/// <summary>The module's reply to an <see cref="Ask"/>.</summary>
public sealed record Answer(object? Value);

/// <summary>Asks the process to move onto the current version of its module, and to tell
/// <paramref name="From"/> with <see cref="NowRunning"/>.</summary>
public sealed record Upgrade(Pid From);

/// <summary>The version the process runs after an <see cref="Upgrade"/>.</summary>
public sealed record NowRunning(int Version);
