namespace Otp.Distribution.Simulation;

/// <summary>What a <see cref="SimulatedNetwork"/> did with the messages its nodes sent to each
/// other (messages only: links, exit signals and monitors are not counted).</summary>
/// <param name="Sent">Messages handed to a connection.</param>
/// <param name="Delivered">Messages (and copies) that reached the other node.</param>
/// <param name="Lost">Messages lost at random (<see cref="SimulatedNetworkOptions.LossRate"/>)
/// or in flight when their connection broke.</param>
/// <param name="Duplicated">Extra copies made (<see cref="SimulatedNetworkOptions.DuplicationRate"/>).</param>
/// <param name="Unreachable">Messages dropped at once because the node could not be reached
/// (a partition, a stopped or unknown node), as Erlang drops them.</param>
public sealed record NetworkStatistics(long Sent, long Delivered, long Lost, long Duplicated, long Unreachable);
