namespace OciOperator.Runtime.Queue;

/// <summary>
/// A rate-limited, delaying work queue with client-go semantics: one entry per key ("dirty" set), an item
/// being processed is never handed to a second worker (a re-add while processing is parked until
/// <see cref="Done"/>), <see cref="AddAfter"/> keeps the earliest ready time per key, and shutdown can drain
/// in-flight work. All time comes from the injected <see cref="TimeProvider"/>.
/// </summary>
/// <typeparam name="T">The key type; equality defines deduplication.</typeparam>
public sealed partial class WorkQueue<T> : IDisposable
    where T : notnull
{
    private readonly Lock _gate = new();
    private readonly Queue<T> _queue = new();
    private readonly HashSet<T> _dirty = [];
    private readonly Dictionary<T, long> _processing = [];
    private readonly Dictionary<T, long> _enqueuedAt = [];
    private readonly LinkedList<Waiter> _waiters = new();
    private readonly TimeProvider _time;
    private readonly IRateLimiter<T> _rateLimiter;
    private readonly IWorkQueueMetrics? _metrics;
    private readonly WorkQueueGauges _gauges;
    private readonly string _name;
    private TaskCompletionSource? _drained;
    private bool _shuttingDown;

    public WorkQueue(string name, TimeProvider time, IRateLimiter<T> rateLimiter, IWorkQueueMetrics? metrics = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(rateLimiter);
        _name = name;
        _time = time;
        _rateLimiter = rateLimiter;
        _metrics = metrics;
        _delayTimer = time.CreateTimer(static s => ((WorkQueue<T>)s!).OnDelayTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _gauges = new WorkQueueGauges(name, () => Depth, UnfinishedWorkSeconds, LongestRunningProcessorSeconds);
        metrics?.QueueCreated(_gauges);
    }

    /// <summary>The queue's name (the <c>name</c> label of the workqueue metrics).</summary>
    public string Name => _name;

    /// <summary>Items waiting to be handed out (not counting delayed or in-flight ones).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    public bool IsShuttingDown
    {
        get
        {
            lock (_gate)
            {
                return _shuttingDown;
            }
        }
    }

    /// <summary>Marks <paramref name="item"/> as needing processing. A no-op if it is already queued.</summary>
    public void Add(T item)
    {
        lock (_gate)
        {
            AddLocked(item);
        }
    }

    /// <summary>Adds <paramref name="item"/> after the delay its rate limiter asks for and counts a retry.</summary>
    public void AddRateLimited(T item)
    {
        var delay = _rateLimiter.When(item);
        _metrics?.QueueRetry(_name);
        AddAfter(item, delay);
    }

    /// <summary>Forgets the failure history of <paramref name="item"/> (backoff starts again from the base).</summary>
    public void Forget(T item) => _rateLimiter.Forget(item);

    /// <summary>How often <paramref name="item"/> has been requeued with rate limiting since it was last forgotten.</summary>
    public int NumRequeues(T item) => _rateLimiter.NumRequeues(item);

    /// <summary>
    /// Waits for the next item. Returns <c>(false, default)</c> once the queue is shut down and empty.
    /// The caller must call <see cref="Done"/> with the item when it has finished.
    /// </summary>
    public ValueTask<(bool Ok, T Item)> GetAsync(CancellationToken ct)
    {
        Waiter waiter;
        lock (_gate)
        {
            if (_queue.Count > 0)
            {
                return ValueTask.FromResult((true, TakeLocked()));
            }

            if (_shuttingDown)
            {
                return ValueTask.FromResult((false, default(T)!));
            }

            ct.ThrowIfCancellationRequested();
            waiter = new Waiter();
            waiter.Node = _waiters.AddLast(waiter);
        }

        if (ct.CanBeCanceled)
        {
            waiter.Registration = ct.Register(static s =>
            {
                var (queue, w, token) = ((WorkQueue<T>, Waiter, CancellationToken))s!;
                queue.CancelWaiter(w, token);
            }, (this, waiter, ct));
        }

        return new ValueTask<(bool, T)>(waiter.Completion.Task);
    }

    /// <summary>Marks <paramref name="item"/> finished; if it was re-added meanwhile, it is queued again now.</summary>
    public void Done(T item)
    {
        lock (_gate)
        {
            if (_processing.Remove(item, out var started))
            {
                _metrics?.QueueWorkDuration(_name, _time.GetElapsedTime(started));
            }

            if (_dirty.Contains(item))
            {
                EnqueueLocked(item);
            }
            else if (_processing.Count == 0 && _drained is { } drained)
            {
                drained.TrySetResult();
            }
        }
    }

    /// <summary>Stops handing out new work; waiting callers get <c>Ok=false</c>. Delayed items are dropped.</summary>
    public void ShutDown()
    {
        lock (_gate)
        {
            ShutDownLocked();
        }
    }

    /// <summary>Shuts down and waits until every in-flight item is <see cref="Done"/> (or <paramref name="ct"/> fires).</summary>
    public async Task ShutDownWithDrainAsync(CancellationToken ct)
    {
        Task drained;
        lock (_gate)
        {
            ShutDownLocked();
            if (_processing.Count == 0)
            {
                return;
            }

            _drained ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            drained = _drained.Task;
        }

        await drained.WaitAsync(ct).ConfigureAwait(false);
    }

    public void Dispose()
    {
        ShutDown();
        _delayTimer.Dispose();
        _metrics?.QueueDisposed(_gauges);
    }

    private void ShutDownLocked()
    {
        if (_shuttingDown)
        {
            return;
        }

        _shuttingDown = true;
        _delayTimer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _delayed.Clear();
        _readyAt.Clear();
        while (_waiters.First is { } node)
        {
            _waiters.RemoveFirst();
            node.Value.Complete((false, default!));
        }
    }

    private void AddLocked(T item)
    {
        if (_shuttingDown || !_dirty.Add(item))
        {
            return;
        }

        _metrics?.QueueAdd(_name);
        if (!_processing.ContainsKey(item))
        {
            EnqueueLocked(item);
        }
    }

    private void EnqueueLocked(T item)
    {
        if (_waiters.First is { } node)
        {
            _waiters.RemoveFirst();
            _dirty.Remove(item);
            _processing[item] = _time.GetTimestamp();
            _metrics?.QueueLatency(_name, TimeSpan.Zero);
            node.Value.Complete((true, item));
            return;
        }

        _queue.Enqueue(item);
        _enqueuedAt[item] = _time.GetTimestamp();
    }

    private T TakeLocked()
    {
        var item = _queue.Dequeue();
        _dirty.Remove(item);
        var now = _time.GetTimestamp();
        if (_enqueuedAt.Remove(item, out var enqueued))
        {
            _metrics?.QueueLatency(_name, _time.GetElapsedTime(enqueued, now));
        }

        _processing[item] = now;
        return item;
    }

    private void CancelWaiter(Waiter waiter, CancellationToken ct)
    {
        lock (_gate)
        {
            if (waiter.Node?.List is null)
            {
                return;
            }

            _waiters.Remove(waiter.Node);
        }

        waiter.Completion.TrySetCanceled(ct);
    }

    private sealed class Waiter
    {
        public TaskCompletionSource<(bool, T)> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public LinkedListNode<Waiter>? Node { get; set; }

        public CancellationTokenRegistration Registration { get; set; }

        public void Complete((bool, T) result)
        {
            Registration.Unregister();
            Completion.TrySetResult(result);
        }
    }
}
