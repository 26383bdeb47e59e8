using System.Globalization;
using OciOperator.Runtime.Metrics;

namespace OciOperator.Runtime.Client;

/// <summary>
/// Records client-go's request metrics for every call to the API server: the count by status code, method and host,
/// and the latency to the response headers by verb and host (a watch's latency is the time to its stream opening).
/// It sits inside the rate limiter, so the client-side wait is not counted as latency, as in client-go.
/// </summary>
public sealed class ClientMetricsHandler(RestClientMetrics metrics, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var host = request.RequestUri is { } uri ? uri.Authority : string.Empty;
        var start = time.GetTimestamp();
        var code = RestClientMetrics.ErrorCode;
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            code = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            return response;
        }
        finally
        {
            metrics.RequestFinished(request.Method.Method, host, code, time.GetElapsedTime(start));
        }
    }
}
