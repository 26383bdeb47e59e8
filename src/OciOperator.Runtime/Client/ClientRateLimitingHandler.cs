using OciOperator.Runtime.Queue;

namespace OciOperator.Runtime.Client;

/// <summary>
/// Client-side QPS/burst limiting toward the API server (client-go's token bucket). Watch requests are exempt:
/// they are long-lived and limiting them would only delay reconnects. Waits use the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class ClientRateLimitingHandler : DelegatingHandler
{
    private readonly TokenBucket _bucket;
    private readonly TimeProvider _time;

    public ClientRateLimitingHandler(double qps, int burst, TimeProvider time)
    {
        _bucket = new TokenBucket(qps, burst, time);
        _time = time;
    }

    /// <summary>Reserves a token and returns how long the caller must wait for it.</summary>
    internal TimeSpan Reserve() => _bucket.Reserve();

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
