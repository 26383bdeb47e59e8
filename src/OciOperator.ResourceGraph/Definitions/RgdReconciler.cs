using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using OciOperator.ResourceGraph.Building;
using OciOperator.ResourceGraph.Graph;
using OciOperator.ResourceGraph.Instances;
using OciOperator.ResourceGraph.Schemas;
using OciOperator.Runtime.Caching;
using OciOperator.Runtime.Client;
using OciOperator.Runtime.Discovery;
using OciOperator.Runtime.Events;
using OciOperator.Runtime.Reconciliation;

namespace OciOperator.ResourceGraph.Definitions;

/// <summary>
/// Reconciles one <c>ResourceGraphDefinition</c> (kro.md §7.1): finalizer, graph build (compiled once per RGD
/// generation and CRD state), instance CRD, serving its kind, status. An RGD whose graph does not build is Inactive and
/// says why, while the last good graph keeps serving; one waiting for CRDs is retried with backoff and at once when a
/// CRD appears. Nothing is written when nothing changed. Deletion is in <c>RgdReconciler.Deletion.cs</c>.
/// </summary>
public sealed partial class RgdReconciler : IReconciler
{
    /// <summary>The RGD resource (cluster-scoped).</summary>
    public static readonly ResourceType Type = new("kro.run", "v1alpha1", "ResourceGraphDefinition", "resourcegraphdefinitions", Namespaced: false);

    /// <summary>The fallback look while the kind's CRD is being established or the controller syncs (a watch usually comes first).</summary>
    internal static readonly TimeSpan SettlingRequeue = TimeSpan.FromSeconds(2);

    private readonly IKubeApi _api;
    private readonly ICacheReader<UnstructuredObject> _rgds;
    private readonly ICacheReader<UnstructuredObject> _crds;
    private readonly IResourceSchemaResolver _resolver;
    private readonly GraphBuilder _builder;
    private readonly InstanceCrdSync _crdSync;
    private readonly GraphServer _server;
    private readonly RestMapper _restMapper;
    private readonly EventRecorder _events;
    private readonly ResourceGraphControllerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Finalizers _finalizers;
    private readonly StatusWriter _status;
    private readonly ConcurrentDictionary<string, CachedBuild> _builds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _waits = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _warned = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _waitingOnCrds = new(StringComparer.Ordinal);
    private long _crdEpoch;

    public RgdReconciler(
        IKubeApi api,
        ICacheReader<UnstructuredObject> rgds,
        ICacheReader<UnstructuredObject> crds,
        GraphServer server,
        RestMapper restMapper,
        EventRecorder events,
        ResourceGraphControllerOptions options,
        TimeProvider time,
        ILogger<RgdReconciler> logger)
    {
        _api = api;
        _rgds = rgds;
        _crds = crds;
        _server = server;
        _restMapper = restMapper;
        _events = events;
        _options = options;
        _time = time;
        _logger = logger;
        _resolver = new CombinedSchemaResolver(new BuiltInSchemaResolver(), new ClusterCrdSchemaResolver(crds));
        _builder = new GraphBuilder(_resolver, new GraphBuildOptions
        {
            EnableOmit = options.EnableOmit,
            MaxForEachDimensions = options.MaxForEachDimensions,
            OperatorVersion = KroMetadata.KroVersion,
        });
        _crdSync = new InstanceCrdSync(api);
        _finalizers = new Finalizers(api);
        _status = new StatusWriter(api);
    }

    /// <summary>
    /// The RGDs a CRD event may fix, so the CRD watch wakes them: those waiting for a CRD to appear, and those whose
    /// instance CRD could not be written (its owner may delete it). Graph errors are not here: only an RGD change fixes them.
    /// </summary>
    public IReadOnlyCollection<string> WaitingOnCrds => [.. _waitingOnCrds.Keys];

    /// <summary>Called on every CRD event: graphs built against the old CRD state are built again on their next reconcile.</summary>
    public void CrdsChanged() => Interlocked.Increment(ref _crdEpoch);

    public async Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken ct)
    {
        var name = request.Name;
        var rgd = _rgds.Get(null, name);
        if (rgd is null)
        {
            await _server.StopAsync(name, ct).ConfigureAwait(false);
            Forget(name);
            return ReconcileResult.Done;
        }

        if (rgd.Metadata.DeletionTimestamp is not null)
        {
            return await FinalizeAsync(rgd, ct).ConfigureAwait(false);
        }

        if (!Finalizers.Has(rgd, KroMetadata.Finalizer))
        {
            rgd = await _finalizers.AddAsync(Type, rgd, KroMetadata.Finalizer, ct).ConfigureAwait(false);
        }

        var build = Build(rgd);
        return build.Outcome switch
        {
            GraphBuildOutcome.Compiled => await ServeAsync(rgd, build.Graph!, ct).ConfigureAwait(false),
            GraphBuildOutcome.WaitingForCrds => await WaitForCrdsAsync(rgd, build, ct).ConfigureAwait(false),
            _ => await RejectAsync(rgd, build, ct).ConfigureAwait(false),
        };
    }

    private async Task<ReconcileResult> ServeAsync(UnstructuredObject rgd, CompiledGraph graph, CancellationToken ct)
    {
        var name = rgd.Metadata.Name;
        _waits.TryRemove(name, out _);
        var accepted = RgdCondition.True(RgdConditions.GraphAccepted, RgdConditions.Reasons.Valid, RgdConditions.Messages.GraphValid);
        var allowBreaking = rgd.Metadata.Annotations?.TryGetValue(InstanceCrdSync.AllowBreakingChanges, out var allow) == true && allow == "true";
        var kind = await _crdSync.EnsureAsync(graph.InstanceCrd(), name, allowBreaking, ct).ConfigureAwait(false);
        if (kind.Written)
        {
            LogCrdWritten(_logger, name, kind.Crd?.Metadata.Name ?? string.Empty);
        }

        if (kind.Created)
        {
            // A CRD that had to be (re)created means the served kind went away with the old one.
            await _server.StopAsync(name, ct).ConfigureAwait(false);
        }

        if (!kind.Ready)
        {
            _waitingOnCrds[name] = 0;
            if (kind.Failed)
            {
                LogKindFailed(_logger, name, kind.Condition.Message);
                await WarnOnceAsync(rgd, RgdEventReasons.KindFailed, kind.Condition.Message, ct).ConfigureAwait(false);
            }

            await WriteStatusAsync(rgd, [accepted, kind.Condition], graph, ct).ConfigureAwait(false);
            return kind.Failed ? ReconcileResult.Done : ReconcileResult.After(SettlingRequeue);
        }

        var mapper = await MapperAsync(graph, kind.Crd!, ct).ConfigureAwait(false);
        var replacing = _server.FingerprintOf(name) is not null;
        var fingerprint = Fingerprint(rgd, graph);
        var changed = _server.FingerprintOf(name) != fingerprint;
        RgdCondition controller;
        ServeState state;
        try
        {
            state = await _server.EnsureAsync(name, fingerprint, graph, mapper, ct).ConfigureAwait(false);
            controller = state == ServeState.Serving
                ? RgdCondition.True(RgdConditions.ControllerReady, RgdConditions.Reasons.Running, RgdConditions.Messages.ControllerRunning)
                : RgdCondition.False(RgdConditions.ControllerReady, RgdConditions.Reasons.WaitingForCacheSync, RgdConditions.Messages.WaitingForSync);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or KeyNotFoundException)
        {
            state = ServeState.Stopped;
            controller = RgdCondition.False(RgdConditions.ControllerReady, RgdConditions.Reasons.FailedToStart, "failed to start the instance controller: " + ex.Message);
            LogServeFailed(_logger, name, ex);
        }

        if (changed && replacing && state != ServeState.Stopped)
        {
            await _events.RecordAsync(rgd, EventRecorder.Normal, RgdEventReasons.GraphUpdated, "Serve", $"generation {rgd.Metadata.Generation} of the graph now serves kind {graph.Schema.Kind}", ct).ConfigureAwait(false);
        }

        await WriteStatusAsync(rgd, [accepted, kind.Condition, controller], graph, ct).ConfigureAwait(false);
        if (state == ServeState.Serving)
        {
            _warned.TryRemove(name, out _);
            _waitingOnCrds.TryRemove(name, out _);
            if (WasInactive(rgd))
            {
                LogActive(_logger, name, graph.Schema.Kind);
                await _events.RecordAsync(rgd, EventRecorder.Normal, RgdEventReasons.Active, "Serve", $"kind {graph.Schema.Kind} is served", ct).ConfigureAwait(false);
            }

            return ReconcileResult.Done;
        }

        return state == ServeState.Syncing ? ReconcileResult.After(SettlingRequeue) : ReconcileResult.Done;
    }

    private async Task<ReconcileResult> WaitForCrdsAsync(UnstructuredObject rgd, GraphBuildResult build, CancellationToken ct)
    {
        var name = rgd.Metadata.Name;
        _waitingOnCrds[name] = 0;
        var message = build.Message;
        LogWaitingForCrds(_logger, name, message);
        await WarnOnceAsync(rgd, RgdEventReasons.WaitingForCrd, message, ct).ConfigureAwait(false);
        await WriteStatusAsync(rgd, [RgdCondition.False(RgdConditions.GraphAccepted, RgdConditions.Reasons.WaitingForCrd, message)], null, ct).ConfigureAwait(false);
        var attempt = _waits.AddOrUpdate(name, 1, (_, n) => Math.Min(n + 1, 20));
        var delay = TimeSpan.FromTicks(Math.Min(_options.WaitingForCrdMaxDelay.Ticks, _options.WaitingForCrdDelay.Ticks << Math.Min(attempt - 1, 16)));
        return ReconcileResult.After(delay);
    }

    private async Task<ReconcileResult> RejectAsync(UnstructuredObject rgd, GraphBuildResult build, CancellationToken ct)
    {
        var name = rgd.Metadata.Name;
        _waitingOnCrds.TryRemove(name, out _);
        _waits.TryRemove(name, out _);
        var message = build.Message.Length > 0 ? build.Message : "the resource graph definition could not be read";
        LogInvalid(_logger, name, rgd.Metadata.Generation ?? 0, build.Errors.Count, _server.FingerprintOf(name) is not null);
        await WarnOnceAsync(rgd, RgdEventReasons.InvalidResourceGraph, message, ct).ConfigureAwait(false);
        await WriteStatusAsync(rgd, [RgdCondition.False(RgdConditions.GraphAccepted, RgdConditions.Reasons.InvalidResourceGraph, message)], null, ct).ConfigureAwait(false);

        // Only a change of the RGD (or a CRD it reads) can fix it; both wake it.
        return ReconcileResult.Done;
    }

    /// <summary>The build for the RGD's current generation and CRD state: compiled once, reused until one changes.</summary>
    private GraphBuildResult Build(UnstructuredObject rgd)
    {
        var epoch = Interlocked.Read(ref _crdEpoch);
        var key = new CachedBuild(rgd.Metadata.Uid ?? string.Empty, rgd.Metadata.Generation ?? 0, epoch, null!);
        if (_builds.TryGetValue(rgd.Metadata.Name, out var cached) && cached with { Result = null! } == key)
        {
            return cached.Result;
        }

        var started = _time.GetTimestamp();
        var result = _builder.Build(rgd.ToJsonObject());
        LogBuilt(_logger, rgd.Metadata.Name, rgd.Metadata.Generation ?? 0, result.Outcome.ToString(), _time.GetElapsedTime(started).TotalMilliseconds);
        _builds[rgd.Metadata.Name] = key with { Result = result };
        return result;
    }

    /// <summary>What identifies the served graph: the RGD's uid and generation and the schema revisions of the kinds it uses.</summary>
    private string Fingerprint(UnstructuredObject rgd, CompiledGraph graph)
    {
        var kinds = graph.Nodes.Select(n => n.Gvk).Distinct().Select(g => _resolver.Resolve(g).CacheKey ?? g.ToString()).Order(StringComparer.Ordinal);
        return string.Join("|", new[] { rgd.Metadata.Uid ?? string.Empty, (rgd.Metadata.Generation ?? 0).ToString(CultureInfo.InvariantCulture) }.Concat(kinds));
    }

    /// <summary>The REST resources of the instance kind (from its CRD) and of every kind the graph uses (from discovery).</summary>
    private async Task<Func<GroupVersionKind, bool, ResourceType>> MapperAsync(CompiledGraph graph, UnstructuredObject crd, CancellationToken ct)
    {
        var types = new Dictionary<GroupVersionKind, ResourceType>();
        var schema = graph.Schema;
        var plural = crd["spec"]?["names"]?["plural"]?.GetValue<string>();
        if (!string.IsNullOrEmpty(plural))
        {
            types[new GroupVersionKind(schema.Group, schema.ApiVersion, schema.Kind)] = new ResourceType(schema.Group, schema.ApiVersion, schema.Kind, plural, schema.Scope != "Cluster");
        }

        foreach (var gvk in graph.Nodes.Select(n => n.Gvk).Distinct())
        {
            if (!types.ContainsKey(gvk) && await _restMapper.FindAsync(gvk.ApiVersion, gvk.Kind, ct).ConfigureAwait(false) is { } found)
            {
                types[gvk] = found;
            }
        }

        return (gvk, namespaced) => types.TryGetValue(gvk, out var type) ? type : NamingResourceMapper.Map(gvk, namespaced);
    }

    /// <summary>Writes the status when it differs from the stored one (true when it wrote).</summary>
    private async Task<bool> WriteStatusAsync(UnstructuredObject rgd, IReadOnlyList<RgdCondition> conditions, CompiledGraph? graph, CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        var generation = rgd.Metadata.Generation ?? 0;
        var (_, written) = await _status.UpdateStatusAsync(Type, rgd, copy =>
            copy["status"] = RgdStatusBuilder.Build(copy["status"] as JsonObject, generation, conditions, graph, now), ct).ConfigureAwait(false);
        return written;
    }

    private static bool WasInactive(UnstructuredObject rgd) => rgd["status"]?["state"]?.GetValue<string>() != RgdConditions.StateActive;

    /// <summary>One Warning Event per distinct problem (a retry of the same problem records nothing).</summary>
    private async Task WarnOnceAsync(UnstructuredObject rgd, string reason, string message, CancellationToken ct)
    {
        var key = reason + "\n" + message;
        if (_warned.TryGetValue(rgd.Metadata.Name, out var last) && last == key)
        {
            return;
        }

        _warned[rgd.Metadata.Name] = key;
        await _events.RecordAsync(rgd, EventRecorder.Warning, reason, "Build", message, ct).ConfigureAwait(false);
    }

    private void Forget(string name)
    {
        _builds.TryRemove(name, out _);
        _waits.TryRemove(name, out _);
        _warned.TryRemove(name, out _);
        _waitingOnCrds.TryRemove(name, out _);
    }

    private sealed record CachedBuild(string Uid, long Generation, long CrdEpoch, GraphBuildResult Result);
}
