namespace OciOperator.Runtime.Queue;

/// <summary>
/// An overall token bucket shared by all items (client-go's <c>BucketRateLimiter</c> over <c>rate.Limiter</c>):
/// every call reserves one token; when the bucket is empty the reservation is in the future and its distance
/// is the delay. It does not track items, so <see cref="Forget"/> does nothing.
/// </summary>
/// <typeparam name="T">The queue item type.</typeparam>
public sealed class BucketRateLimiter<T> : IRateLimiter<T>
    where T : notnull
{
    private readonly TokenBucket _bucket;

    public BucketRateLimiter(double qps, int burst, TimeProvider time) => _bucket = new TokenBucket(qps, burst, time);

    public TimeSpan When(T item) => _bucket.Reserve();

    public void Forget(T item)
    {
    }

    public int NumRequeues(T item) => 0;
}
