namespace OciOperator.Runtime.Queue;

/// <summary>Factory for the default controller rate limiter.</summary>
public static class RateLimiters
{
    /// <summary>controller-runtime's default: per-item 5 ms → 1000 s exponential backoff, max'd with a 10 qps / 100 burst bucket.</summary>
    public static IRateLimiter<T> DefaultControllerRateLimiter<T>(TimeProvider time)
        where T : notnull =>
        new MaxOfRateLimiter<T>(
            new ItemExponentialFailureRateLimiter<T>(TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1000)),
            new BucketRateLimiter<T>(10, 100, time));
}
