namespace OciOperator.Mysql.Tests.Support;

/// <summary>Timings of the acceptance environment (short, so lifecycles take well under a second).</summary>
internal sealed record EnvironmentOptions
{
    public TimeSpan CreateDelay { get; init; } = TimeSpan.FromMilliseconds(300);

    public TimeSpan UpdateDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan DeleteDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan ResyncPeriod { get; init; } = TimeSpan.FromMinutes(10);

    public TimeSpan PermanentErrorRetry { get; init; } = TimeSpan.FromMinutes(5);

    public int OciMaxAttempts { get; init; } = 4;
}
