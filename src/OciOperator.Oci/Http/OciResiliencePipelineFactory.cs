using System.Threading.RateLimiting;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace OciOperator.Oci.Http;

/// <summary>
/// Builds the per-client Polly pipeline: retry (outermost; OCI default rules, retry-after honoured) → circuit
/// breaker → rate limiter → per-attempt timeout. All time comes from the given <see cref="TimeProvider"/>.
/// </summary>
public static class OciResiliencePipelineFactory
{
    /// <summary>True for failures OCI's default policy retries: retryable service errors, network errors, attempt timeouts.</summary>
    public static bool IsTransient(Exception? exception) => exception switch
    {
        OciServiceException service => service.IsRetryable,
        HttpRequestException or IOException or TimeoutRejectedException => true,
        _ => false,
    };

    /// <summary>The delay before retry number <paramref name="retry"/> (0-based): retry-after if given, else capped exponential + jitter.</summary>
    public static TimeSpan RetryDelay(OciResilienceOptions options, int retry, Exception? exception, Random random)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(random);
        if (exception is OciServiceException { RetryAfter: { } retryAfter })
        {
            return retryAfter > options.MaxRetryAfter ? options.MaxRetryAfter : retryAfter;
        }

        var exponential = options.RetryBaseDelay.TotalSeconds * Math.Pow(2, Math.Min(retry, 30));
        var capped = Math.Min(exponential, options.RetryMaxDelay.TotalSeconds);
        return TimeSpan.FromSeconds(capped + (random.NextDouble() * options.RetryJitter.TotalSeconds));
    }

    /// <summary>Builds the pipeline. <paramref name="onRetry"/> observes each retry (for logs and metrics).</summary>
    public static ResiliencePipeline<OciResponse> Create(
        OciResilienceOptions options,
        TimeProvider timeProvider,
        Random random,
        Func<OnRetryArguments<OciResponse>, ValueTask>? onRetry = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ResiliencePipelineBuilder<OciResponse> { TimeProvider = timeProvider };
        if (options.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions<OciResponse>
            {
                MaxRetryAttempts = options.MaxAttempts - 1,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome.Exception)),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(RetryDelay(options, args.AttemptNumber, args.Outcome.Exception, random)),
                OnRetry = onRetry,
            });
        }

        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<OciResponse>
        {
            FailureRatio = options.CircuitFailureRatio,
            MinimumThroughput = options.CircuitMinimumThroughput,
            SamplingDuration = options.CircuitSamplingDuration,
            BreakDuration = options.CircuitBreakDuration,
            ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome.Exception)),
        });
        if (options.RateLimitPerSecond > 0)
        {
            builder.AddRateLimiter(new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = options.RateLimitPerSecond,
                TokensPerPeriod = options.RateLimitPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = options.RateLimitQueue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            }));
        }

        builder.AddTimeout(options.AttemptTimeout);
        return builder.Build();
    }
}
