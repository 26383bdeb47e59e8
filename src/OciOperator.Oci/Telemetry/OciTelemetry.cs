using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace OciOperator.Oci.Telemetry;

/// <summary>
/// The client's ActivitySource and Meter (both named <see cref="Name"/>): one span per OCI call, counters for calls
/// and retries, and a duration histogram. Tags: operation, status; the span also carries opc-request-id.
/// </summary>
public sealed class OciTelemetry : IDisposable
{
    /// <summary>ActivitySource and Meter name.</summary>
    public const string Name = "OciOperator.Oci";

    /// <summary>
    /// The duration histogram's bucket bounds, in seconds (OpenTelemetry's HTTP client buckets): the default bounds
    /// are for milliseconds, and would put every call in the first buckets.
    /// </summary>
    public static readonly IReadOnlyList<double> DurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 30, 60];

    private readonly Meter _meter;

    /// <summary>Creates the instruments (with <paramref name="meterFactory"/> when hosted, else a private Meter).</summary>
    public OciTelemetry(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(Name) ?? new Meter(Name);
        ActivitySource = new ActivitySource(Name);
        Calls = _meter.CreateCounter<long>("oci.client.calls", "{call}", "OCI API calls by operation and final status.");
        Retries = _meter.CreateCounter<long>("oci.client.retries", "{retry}", "OCI API call retries by operation and status.");
        Duration = _meter.CreateHistogram<double>(
            "oci.client.call.duration",
            "s",
            "OCI API call duration including retries.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
    }

    /// <summary>Spans per call.</summary>
    public ActivitySource ActivitySource { get; }

    /// <summary>Calls by operation and status.</summary>
    public Counter<long> Calls { get; }

    /// <summary>Retries by operation and status.</summary>
    public Counter<long> Retries { get; }

    /// <summary>Call duration in seconds.</summary>
    public Histogram<double> Duration { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        ActivitySource.Dispose();
        _meter.Dispose();
    }
}
