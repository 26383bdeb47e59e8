using k8s;
using OciOperator.Runtime.Client;
using OciOperator.Runtime.Events;

namespace OciOperator.Runtime.Caching;

/// <summary>
/// Objects that cannot be decoded: left out of the cache, logged once per resourceVersion, reported on the object.
/// </summary>
public sealed partial class Informer<T>
{
    private readonly Lock _undecodableGate = new();
    private readonly Dictionary<string, string> _undecodable = new(StringComparer.Ordinal);

    /// <summary>The keys (<c>namespace/name</c>) of the objects currently skipped because they cannot be decoded.</summary>
    public IReadOnlyList<string> UndecodableKeys
    {
        get
        {
            lock (_undecodableGate)
            {
                return [.. _undecodable.Keys];
            }
        }
    }

    // After a list: exactly the list's undecodable objects are skipped (ReplaceAll already dropped their keys).
    private async Task ReplaceUndecodableAsync(IReadOnlyList<DecodeFailure> failures, CancellationToken ct)
    {
        var current = failures.Select(f => KeyOf(f.Namespace, f.Name)).ToHashSet(StringComparer.Ordinal);
        lock (_undecodableGate)
        {
            foreach (var key in _undecodable.Keys.Where(k => !current.Contains(k)).ToList())
            {
                _undecodable.Remove(key);
            }
        }

        foreach (var failure in failures)
        {
            await ReportAsync(failure, ct).ConfigureAwait(false);
        }
    }

    private async Task ApplyUndecodableAsync(WatchEventType type, DecodeFailure failure, CancellationToken ct)
    {
        var cached = Get(failure.Namespace, failure.Name);
        if (type == WatchEventType.Deleted)
        {
            if (cached is not null)
            {
                Delete(cached);
            }

            ForgetUndecodable(KeyOf(failure.Namespace, failure.Name));
        }
        else
        {
            // Known as undecodable before the stale copy leaves the cache, so a reader never sees neither. The cache
            // holds only objects it can decode: a cached older version would be acted on as if current.
            var isNew = MarkUndecodable(failure);
            if (cached is not null)
            {
                Evict(cached);
            }

            if (isNew)
            {
                await ReportNewAsync(failure, ct).ConfigureAwait(false);
            }
        }

        if (!string.IsNullOrEmpty(failure.ResourceVersion))
        {
            LastSyncResourceVersion = failure.ResourceVersion;
        }
    }

    private void ForgetUndecodable(string key)
    {
        lock (_undecodableGate)
        {
            _undecodable.Remove(key);
        }
    }

    private async Task ReportAsync(DecodeFailure failure, CancellationToken ct)
    {
        if (MarkUndecodable(failure))
        {
            await ReportNewAsync(failure, ct).ConfigureAwait(false);
        }
    }

    // Records the object as skipped; false when this resourceVersion of it was reported already.
    private bool MarkUndecodable(DecodeFailure failure)
    {
        var key = KeyOf(failure.Namespace, failure.Name);
        var version = failure.ResourceVersion ?? string.Empty;
        lock (_undecodableGate)
        {
            if (_undecodable.TryGetValue(key, out var reported) && reported == version)
            {
                return false;
            }

            _undecodable[key] = version;
            return true;
        }
    }

    private async Task ReportNewAsync(DecodeFailure failure, CancellationToken ct)
    {
        var version = failure.ResourceVersion ?? string.Empty;
        LogUndecodable(_logger, failure.Kind, failure.Namespace, failure.Name, version, Type.ToString(), failure.Reason);
        if (_events is null || string.IsNullOrEmpty(failure.Uid))
        {
            return;
        }

        var regarding = new UnstructuredObject { ApiVersion = failure.ApiVersion, Kind = failure.Kind, Metadata = failure.Metadata };
        var note = $"The operator cannot decode this {failure.Kind} and ignores it until it changes: {failure.Reason}.";
        try
        {
            await _events.RecordAsync(regarding, EventRecorder.Warning, InformerEvents.FailedDecode, InformerEvents.DecodeAction, note, ct).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Best effort, as every Event: a failed report must not fail the list or watch.
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
#pragma warning restore CA1031
        {
            LogReportFailed(_logger, failure.Namespace, failure.Name, ex);
        }
    }
}
