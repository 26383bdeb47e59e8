namespace OciOperator.Oci.Http;

/// <summary>Retry, circuit breaker, timeout and rate-limit settings (defaults follow the OCI Go SDK, oci.md §5.7).</summary>
public sealed class OciResilienceOptions
{
    /// <summary>Total attempts including the first (OCI default 8). 1 disables retries.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Backoff base: delay after attempt n is min(base·2^(n-1), cap) + U[0, jitter).</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Backoff cap (30 s).</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Upper bound of the uniform jitter added to each delay (1 s).</summary>
    public TimeSpan RetryJitter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest <c>retry-after</c> honoured (longer values are capped).</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Per-attempt timeout (Go default HTTP timeout 60 s).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Circuit breaker: failure ratio that opens the circuit (0.8).</summary>
    public double CircuitFailureRatio { get; set; } = 0.8;

    /// <summary>Circuit breaker: minimum calls in the sampling window (10).</summary>
    public int CircuitMinimumThroughput { get; set; } = 10;

    /// <summary>Circuit breaker: sampling window (120 s).</summary>
    public TimeSpan CircuitSamplingDuration { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>Circuit breaker: how long the circuit stays open (30 s).</summary>
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Client-side rate limit in requests per second (0 disables).</summary>
    public int RateLimitPerSecond { get; set; } = 20;

    /// <summary>How many calls may wait for a rate-limit permit before being rejected.</summary>
    public int RateLimitQueue { get; set; } = 1000;
}
