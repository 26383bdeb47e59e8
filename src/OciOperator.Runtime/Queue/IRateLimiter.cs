namespace OciOperator.Runtime.Queue;

/// <summary>Decides how long an item waits before it is processed again (client-go's <c>TypedRateLimiter</c>).</summary>
/// <typeparam name="T">The queue item type.</typeparam>
public interface IRateLimiter<in T>
    where T : notnull
{
    /// <summary>Records one more failure for <paramref name="item"/> and returns how long it must wait.</summary>
    TimeSpan When(T item);

    /// <summary>Forgets the failure history of <paramref name="item"/> (called on success).</summary>
    void Forget(T item);

    /// <summary>How many times <paramref name="item"/> has been requeued since it was last forgotten.</summary>
    int NumRequeues(T item);
}
