using System.Threading.Channels;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using OciOperator.Mysql.Api;
using OciOperator.ResourceGraph.Instances;
using OciOperator.Runtime.Caching;
using OciOperator.Runtime.Client;
using OciOperator.Runtime.Discovery;
using OciOperator.Runtime.Reconciliation;

namespace OciOperator.Demo;

/// <summary>
/// <c>sandbox --demo</c>: creates namespace <c>demo</c>, applies the embedded RGD, applies its instance once the RGD
/// is Active, and shows every object of the walkthrough as it is created and becomes ready, driven by watches
/// (informers, no polling), until the instance reports the WordPress address; then it prints the summary and keeps
/// showing changes until the token fires. A failure is shown with what to do, never ends the run.
/// </summary>
internal sealed partial class DemoRun
{
    /// <summary>The field manager of the demo's server-side applies.</summary>
    public const string FieldManager = "oci-operator-demo";

    private static readonly TimeSpan KindLookupRetry = TimeSpan.FromMilliseconds(500);
    private const int KindLookupAttempts = 20;

    private readonly IKubeApi _api;
    private readonly DemoWalkthrough _walkthrough;
    private readonly DemoView _view;
    private readonly DemoGuide _guide;
    private readonly TimeProvider _time;
    private readonly long _start;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly RestMapper _mapper;
    private readonly DemoProgress _progress = new();
    private readonly Channel<DemoSignal> _signals = Channel.CreateUnbounded<DemoSignal>(new UnboundedChannelOptions { SingleReader = true });
    private readonly List<Task> _watches = [];
    private readonly HashSet<DemoLine> _problemsShown = [];
    private bool _instanceApplied;
    private string? _address;

    /// <param name="api">The Sandbox's API server.</param>
    /// <param name="walkthrough">The RGD and instance to apply.</param>
    /// <param name="view">Where progress goes.</param>
    /// <param name="guide">The summary and the hints.</param>
    /// <param name="time">The clock of the elapsed times.</param>
    /// <param name="start">The timestamp (of <paramref name="time"/>) elapsed times count from.</param>
    /// <param name="loggerFactory">Logging of the watches.</param>
    public DemoRun(IKubeApi api, DemoWalkthrough walkthrough, DemoView view, DemoGuide guide, TimeProvider time, long start, ILoggerFactory loggerFactory)
    {
        _api = api;
        _walkthrough = walkthrough;
        _view = view;
        _guide = guide;
        _time = time;
        _start = start;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<DemoRun>();
        _mapper = new RestMapper(api, time);
    }

    /// <summary>The WordPress address, once the instance reported it.</summary>
    public string? Address => _address;

    private TimeSpan Elapsed => _time.GetElapsedTime(_start);

    /// <summary>Runs the walkthrough and then follows it until <paramref name="ct"/> fires; returns normally then.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        using var watching = CancellationTokenSource.CreateLinkedTokenSource(ct);
        try
        {
            StartWatches(watching.Token);
            await EnsureNamespaceAsync(ct).ConfigureAwait(false);
            if (await TryApplyAsync(DemoResources.Rgds, _walkthrough.Rgd, "ResourceGraphDefinition", DemoWalkthrough.RgdFile, ct).ConfigureAwait(false))
            {
                await _view.WhileWaitingAsync(() => PumpAsync(() => _address is not null, ct), WaitingText, ct).ConfigureAwait(false);
            }

            await PumpAsync(() => false, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Ctrl-C or SIGTERM: the normal end.
        }
        catch (Exception e) when (e is KubeApiException or HttpRequestException or IOException)
        {
            // The Sandbox itself failed under the demo: say so, and let the Sandbox serve (or fail) as it will.
            LogDemoFailed(_logger, e);
            _view.Problem([$"error: the demo stopped: {e.Message}", "  The Sandbox keeps serving; press Ctrl-C to stop."]);
        }
        finally
        {
            await watching.CancelAsync().ConfigureAwait(false);
            await StopWatchesAsync().ConfigureAwait(false);
        }
    }

    private async Task PumpAsync(Func<bool> done, CancellationToken ct)
    {
        while (!done())
        {
            var signal = await _signals.Reader.ReadAsync(ct).ConfigureAwait(false);
            foreach (var line in _progress.Observe(signal.Snapshot, Elapsed))
            {
                _view.Line(line);
                if (line.Phase == DemoPhase.Failed && _problemsShown.Add(line with { Elapsed = TimeSpan.Zero }))
                {
                    _view.Problem(_guide.Problem(signal.Snapshot));
                }
            }

            if (!_instanceApplied && IsRgdActive(signal.Snapshot))
            {
                _instanceApplied = true;
                await ApplyInstanceAsync(ct).ConfigureAwait(false);
            }

            if (_address is null && signal.Address is { } address)
            {
                _address = address;
                _view.Note(_guide.Summary(address, Elapsed));
            }
        }
    }

    private bool IsRgdActive(DemoSnapshot snapshot) =>
        snapshot.Kind == _walkthrough.Rgd.Kind && snapshot.Name == _walkthrough.RgdName && snapshot.Phase == DemoPhase.Ready;

    private string WaitingText()
    {
        var elapsed = Elapsed.TotalSeconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture);
        return _progress.WaitingOn is { } waiting
            ? $"Waiting for {waiting.Kind} {waiting.Name}{(waiting.State.Length > 0 ? $" ({waiting.State})" : string.Empty)} · {elapsed}s"
            : $"Applying the walkthrough · {elapsed}s";
    }

    private async Task EnsureNamespaceAsync(CancellationToken ct)
    {
        var ns = new V1Namespace { ApiVersion = V1Namespace.KubeApiVersion, Kind = V1Namespace.KubeKind, Metadata = new V1ObjectMeta { Name = DemoWalkthrough.Namespace } };
        try
        {
            ns = await _api.CreateAsync(DemoResources.Namespaces, ns, ct).ConfigureAwait(false);
        }
        catch (KubeApiException e) when (e.IsAlreadyExists || e.IsConflict)
        {
            // A namespace left from before is fine.
        }

        foreach (var line in _progress.Observe(DemoSnapshots.Of(ns), Elapsed))
        {
            _view.Line(line);
        }
    }

    private async Task ApplyInstanceAsync(CancellationToken ct)
    {
        var instance = _walkthrough.Instance;
        ResourceType? type = null;
        for (var attempt = 0; attempt < KindLookupAttempts && type is null; attempt++)
        {
            // The RGD is Active only once its CRD is established; discovery may lag a moment behind.
            type = await _mapper.FindAsync(instance.ApiVersion, instance.Kind, ct).ConfigureAwait(false);
            if (type is null)
            {
                await Task.Delay(KindLookupRetry, _time, ct).ConfigureAwait(false);
            }
        }

        if (type is null)
        {
            LogKindNotServed(_logger, instance.Kind, instance.ApiVersion);
            _view.Problem(_guide.ApplyFailed(instance.Kind, DemoWalkthrough.InstanceFile, $"the API server does not serve {instance.Kind} ({instance.ApiVersion}) although the RGD is Active"));
            return;
        }

        Watch(type, _walkthrough.InstanceName, obj => new DemoSignal(DemoSnapshots.OfInstance(obj), DemoSnapshots.WordPressAddress(obj)), ct);
        await TryApplyAsync(type, instance, instance.Kind, DemoWalkthrough.InstanceFile, ct).ConfigureAwait(false);
    }

    private async Task<bool> TryApplyAsync(ResourceType type, UnstructuredObject obj, string what, string file, CancellationToken ct)
    {
        try
        {
            await _api.ApplyAsync(type, obj, new ApplyOptions(FieldManager), ct).ConfigureAwait(false);
            return true;
        }
        catch (KubeApiException e)
        {
            var reason = e.Status?.Message is { Length: > 0 } message ? message : e.Message;
            LogApplyFailed(_logger, what, obj.Metadata.Name, reason);
            _view.Problem(_guide.ApplyFailed(what, file, reason));
            return false;
        }
    }

    private void StartWatches(CancellationToken ct)
    {
        Watch(DemoResources.Rgds, _walkthrough.RgdName, obj => new DemoSignal(DemoSnapshots.OfRgd(obj)), ct);

        // The children carry kro's instance label; the DbSystem controller's own endpoint Secret does not.
        var children = $"{KroMetadata.InstanceName}={_walkthrough.InstanceName}";
        Watch<V1Secret>(DemoResources.Secrets, children, s => new DemoSignal(DemoSnapshots.Of(s)), ct);
        Watch<DbSystem>(DemoResources.DbSystems, children, d => new DemoSignal(DemoSnapshots.Of(d)), ct);
        Watch<V1Job>(DemoResources.Jobs, children, j => new DemoSignal(DemoSnapshots.Of(j)), ct);
        Watch<V1Deployment>(DemoResources.Deployments, children, d => new DemoSignal(DemoSnapshots.Of(d)), ct);
        Watch<V1Service>(DemoResources.Services, children, s => new DemoSignal(DemoSnapshots.Of(s)), ct);
    }

    // One named object (the RGD, the instance).
    private void Watch(ResourceType type, string name, Func<UnstructuredObject, DemoSignal> read, CancellationToken ct) =>
        Start(type, new InformerOptions { Namespace = type.Namespaced ? DemoWalkthrough.Namespace : null, FieldSelector = $"metadata.name={name}" }, read, ct);

    // The children of the instance, by kro's label.
    private void Watch<T>(ResourceType type, string labelSelector, Func<T, DemoSignal> read, CancellationToken ct)
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        Start(type, new InformerOptions { Namespace = DemoWalkthrough.Namespace, LabelSelector = labelSelector }, read, ct);

    private void Start<T>(ResourceType type, InformerOptions options, Func<T, DemoSignal> read, CancellationToken ct)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var informer = new Informer<T>(type, _api, options, _time, _loggerFactory.CreateLogger<Informer<T>>());
        informer.AddEventHandler(new ResourceEventHandler<T>(
            OnAdd: obj => _signals.Writer.TryWrite(read(obj)),
            OnUpdate: (_, obj) => _signals.Writer.TryWrite(read(obj)),
            OnDelete: obj => _signals.Writer.TryWrite(new DemoSignal(DemoSnapshot.Gone(type.Kind, obj.Name())))));
        _watches.Add(informer.RunAsync(ct));
    }

    private async Task StopWatchesAsync()
    {
        try
        {
            await Task.WhenAll(_watches).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped on purpose.
        }
    }
}
