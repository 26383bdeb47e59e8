using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace OciOperator.ResourceGraph.Tests.Support;

/// <summary>A private meter and a listener that sums every measurement of its instruments by name and tags
/// (counters add their values, histograms count their measurements).</summary>
internal sealed class MetricsCapture : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, double> _sums = new(StringComparer.Ordinal);

    public MetricsCapture()
    {
        Meter = new Meter("test-" + Guid.NewGuid().ToString("N"));
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, Meter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Add(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Add(i, v, tags));
        _listener.Start();
    }

    public Meter Meter { get; }

    /// <summary>The sum of <paramref name="name"/>'s measurements whose tags include every one of <paramref name="tags"/> (<c>key=value</c>).</summary>
    public double Sum(string name, params string[] tags) =>
        _sums.Where(kv => kv.Key.StartsWith(name + "{", StringComparison.Ordinal) && tags.All(t => kv.Key.Contains(t + ";", StringComparison.Ordinal))).Sum(kv => kv.Value);

    public void Dispose()
    {
        _listener.Dispose();
        Meter.Dispose();
    }

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var key = instrument.Name + "{" + string.Concat(tags.ToArray().OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}={t.Value};")) + "}";
        var step = instrument is Histogram<double> or Histogram<long> ? 1 : value;
        _sums.AddOrUpdate(key, step, (_, s) => s + step);
    }
}
