namespace OciOperator.Tests.Reliability;

/// <summary>
/// Kills the operator with SIGKILL at random moments (a seeded RNG: the same seed, the same delays) and starts it
/// again at once, a given number of times; meanwhile it drops the API server's watch history at random moments, so
/// watches resuming after a kill or a closed stream meet 410 Expired and must relist.
/// </summary>
internal sealed class ChaosMonkey(OperatorUnderTest target, ReliabilityCluster cluster, Random random)
{
    private int _compactions;

    public int Compactions => Volatile.Read(ref _compactions);

    /// <summary>Kills <paramref name="kills"/> times, each after a random 0.3–3.5 s of the previous start.</summary>
    public async Task KillAsync(int kills, CancellationToken ct)
    {
        for (var i = 0; i < kills; i++)
        {
            await Task.Delay(NextDelay(300, 3_500), ct);
            await target.KillAndRestartAsync();
        }
    }

    /// <summary>Compacts the watch history every random 0.5–3 s until <paramref name="ct"/> fires.</summary>
    public async Task CompactUntilCancelledAsync(CancellationToken ct)
    {
        try
        {
            while (true)
            {
                await Task.Delay(NextDelay(500, 3_000), ct);
                cluster.Kube.Faults.CompactHistory();
                Interlocked.Increment(ref _compactions);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The phase is over.
        }
    }

    private TimeSpan NextDelay(int minMs, int maxMs)
    {
        lock (random)
        {
            return TimeSpan.FromMilliseconds(random.Next(minMs, maxMs));
        }
    }
}
