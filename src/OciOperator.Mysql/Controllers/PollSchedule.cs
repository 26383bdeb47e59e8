namespace OciOperator.Mysql.Controllers;

/// <summary>
/// Adaptive polling while OCI works: the initial interval right after a request, doubling with the time waited so
/// far up to the maximum (a DB system takes minutes to create, so early polls are cheap and late ones sparse). A
/// <c>retry-after</c> from OCI is honoured when longer.
/// </summary>
internal static class PollSchedule
{
    public static TimeSpan Next(DbSystemControllerOptions options, DateTimeOffset? requestedAt, DateTimeOffset now, TimeSpan? retryAfter = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var waited = requestedAt is null ? TimeSpan.Zero : now - requestedAt.Value;
        var interval = options.PollInitialInterval;
        // Poll at the initial interval for the first 4 intervals, then let the interval grow with the waiting time.
        var grown = waited / 4;
        if (grown > interval)
        {
            interval = grown;
        }

        if (interval > options.PollMaxInterval)
        {
            interval = options.PollMaxInterval;
        }

        return retryAfter is { } after && after > interval ? after : interval;
    }
}
