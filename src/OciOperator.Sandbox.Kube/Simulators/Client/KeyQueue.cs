using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace OciOperator.Sandbox.Kube.Simulators.Client;

/// <summary>
/// The work queue of a simulated controller: keys de-duplicated while they wait, one reader, and re-adds planned on
/// <see cref="TimeProvider"/> timers (a later plan for a key replaces an earlier one). After <see cref="Dispose"/>
/// nothing is added and the reader ends.
/// </summary>
internal sealed class KeyQueue(TimeProvider time) : IDisposable
{
    private readonly Channel<string> _queue = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly HashSet<string> _queued = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ITimer> _timers = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private bool _disposed;

    /// <summary>Adds a key unless it already waits.</summary>
    public void Add(string key)
    {
        lock (_gate)
        {
            if (_disposed || !_queued.Add(key))
            {
                return;
            }
        }

        _queue.Writer.TryWrite(key);
    }

    /// <summary>Adds a key after a delay (at once when the delay is not positive), replacing a plan made before.</summary>
    public void AddAfter(string key, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            Add(key);
            return;
        }

        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            if (_timers.Remove(key, out var previous))
            {
                previous.Dispose();
            }

            _timers[key] = time.CreateTimer(_ => Add(key), null, delay, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>The keys in order; a key read may be added again at once.</summary>
    public async IAsyncEnumerable<string> ReadAllAsync([EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var key in _queue.Reader.ReadAllAsync(ct).ConfigureAwait(false))
        {
            lock (_gate)
            {
                _queued.Remove(key);
            }

            yield return key;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            foreach (var timer in _timers.Values)
            {
                timer.Dispose();
            }

            _timers.Clear();
        }

        _queue.Writer.TryComplete();
    }
}
