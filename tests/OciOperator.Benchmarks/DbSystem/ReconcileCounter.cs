using System.Diagnostics.Metrics;
using OciOperator.Runtime.Metrics;

namespace OciOperator.Benchmarks.DbSystem;

/// <summary>
/// Reads <c>controller_runtime_reconcile_total</c> (meter <c>OciOperator.Runtime</c>) for one controller through a
/// <see cref="MeterListener"/>: the operator's own count of reconciles, every result included.
/// </summary>
internal sealed class ReconcileCounter : IDisposable
{
    private const string Instrument = "controller_runtime_reconcile_total";
    private readonly MeterListener _listener = new();
    private readonly string _controller;
    private long _total;
    private long _errors;

    public ReconcileCounter(string controller)
    {
        _controller = controller;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == RuntimeMetrics.MeterName && instrument.Name == Instrument)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>(OnMeasurement);
        _listener.Start();
    }

    /// <summary>Reconciles of the controller so far.</summary>
    public long Total => Interlocked.Read(ref _total);

    /// <summary>Reconciles that ended in an error.</summary>
    public long Errors => Interlocked.Read(ref _errors);

    public void Dispose() => _listener.Dispose();

    private void OnMeasurement(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        string? controller = null;
        string? result = null;
        foreach (var tag in tags)
        {
            if (tag.Key == "controller")
            {
                controller = tag.Value as string;
            }
            else if (tag.Key == "result")
            {
                result = tag.Value as string;
            }
        }

        if (controller != _controller)
        {
            return;
        }

        Interlocked.Add(ref _total, value);
        if (result == ReconcileResultLabels.Error)
        {
            Interlocked.Add(ref _errors, value);
        }
    }
}
