using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace OciOperator.Runtime.Metrics;

/// <summary>
/// client-go's Kubernetes client metrics under its names and labels: <c>rest_client_requests_total{code,method,host}</c>,
/// <c>rest_client_request_duration_seconds{verb,host}</c> (client-go's seconds buckets), and client-go's leader
/// elector gauge <c>leader_election_master_status{name}</c> (1 while this process leads, else 0). They live on the
/// runtime's meter (<see cref="RuntimeMetrics.MeterName"/>).
/// </summary>
public sealed class RestClientMetrics
{
    /// <summary>client-go's <c>rest_client_request_duration_seconds</c> buckets.</summary>
    public static readonly IReadOnlyList<double> DurationBuckets = [0.005, 0.025, 0.1, 0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 15.0, 30.0, 60.0];

    /// <summary>The <c>code</c> of a request that got no HTTP response (client-go's).</summary>
    public const string ErrorCode = "<error>";

    private readonly ConcurrentDictionary<string, Func<bool>> _leaderElections = new(StringComparer.Ordinal);
    private readonly Counter<long> _requests;
    private readonly Histogram<double> _duration;

    public RestClientMetrics(Meter meter)
    {
        ArgumentNullException.ThrowIfNull(meter);
        _requests = meter.CreateCounter<long>(
            "rest_client_requests_total",
            description: "Number of HTTP requests, partitioned by status code, method, and host.");
        _duration = meter.CreateHistogram<double>(
            "rest_client_request_duration_seconds",
            unit: null,
            description: "Request latency in seconds. Broken down by verb, and host.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        meter.CreateObservableGauge("leader_election_master_status", ObserveLeaderElections, description: "Gauge of if the reporting system is master of the relevant lease, 0 indicates backup, 1 indicates master. 'name' is the string used to identify the lease.");
    }

    /// <summary>Counts one request and records its latency (to its response headers).</summary>
    public void RequestFinished(string method, string host, string code, TimeSpan elapsed)
    {
        _requests.Add(1, new KeyValuePair<string, object?>("code", code), new KeyValuePair<string, object?>("method", method), new KeyValuePair<string, object?>("host", host));
        _duration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("verb", method), new KeyValuePair<string, object?>("host", host));
    }

    /// <summary>Reports the lease <paramref name="name"/> through <paramref name="isLeading"/> until the returned handle is disposed.</summary>
    public IDisposable TrackLeaderElection(string name, Func<bool> isLeading)
    {
        _leaderElections[name] = isLeading;
        return new Untrack(this, name, isLeading);
    }

    private IEnumerable<Measurement<int>> ObserveLeaderElections()
    {
        foreach (var (name, isLeading) in _leaderElections)
        {
            yield return new Measurement<int>(isLeading() ? 1 : 0, new KeyValuePair<string, object?>("name", name));
        }
    }

    private sealed class Untrack(RestClientMetrics owner, string name, Func<bool> isLeading) : IDisposable
    {
        public void Dispose() => owner._leaderElections.TryRemove(new KeyValuePair<string, Func<bool>>(name, isLeading));
    }
}
