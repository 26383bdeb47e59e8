namespace OciOperator.Runtime.Client;

/// <summary>
/// Client-side QPS/burst limiting toward the API server (client-go's token bucket). Watch requests are exempt:
/// they are long-lived and limiting them would only delay reconnects. Waits use the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class ClientRateLimitingHandler : DelegatingHandler
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly double _qps;
    private readonly double _burst;
    private double _tokens;
    private DateTimeOffset _last;

    public ClientRateLimitingHandler(double qps, int burst, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(qps, 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(burst, 1);
        ArgumentNullException.ThrowIfNull(time);
        _qps = qps;
        _burst = burst;
        _tokens = burst;
        _time = time;
        _last = time.GetUtcNow();
    }

    /// <summary>Reserves a token and returns how long the caller must wait for it.</summary>
    internal TimeSpan Reserve()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var elapsed = (now - _last).TotalSeconds;
            if (elapsed > 0)
            {
                _tokens = Math.Min(_burst, _tokens + (elapsed * _qps));
                _last = now;
            }

            _tokens -= 1;
            return _tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-_tokens / _qps);
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = request.RequestUri?.Query ?? string.Empty;
        if (!query.Contains("watch=true", StringComparison.Ordinal))
        {
            var wait = Reserve();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
            }
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
