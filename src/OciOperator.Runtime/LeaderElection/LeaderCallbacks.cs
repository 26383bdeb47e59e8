namespace OciOperator.Runtime.LeaderElection;

/// <summary>Leadership transitions.</summary>
/// <param name="StartedLeading">This process became the leader.</param>
/// <param name="StoppedLeading">This process lost (or gave up) leadership.</param>
/// <param name="NewLeader">The observed leader changed (any identity, including ours).</param>
public sealed record LeaderCallbacks(Action StartedLeading, Action StoppedLeading, Action<string> NewLeader);
