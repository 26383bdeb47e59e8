using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OciOperator.ResourceGraph.Building;
using OciOperator.ResourceGraph.Graph;
using OciOperator.ResourceGraph.Instances;
using OciOperator.ResourceGraph.Tests.Support;
using OciOperator.Runtime.Client;
using OciOperator.Runtime.Reconciliation;
using OciOperator.Sandbox.Kube.Serialization;
using OciOperator.Sandbox.Kube.Simulators;

namespace OciOperator.ResourceGraph.Tests.Instances;

/// <summary>The instance reconciler against the Sandbox over HTTP with the real KubernetesClient and the workload simulators.</summary>
public sealed class InstanceReconcilerTests
{
    internal const string WebAppRgd = """
        apiVersion: kro.run/v1alpha1
        kind: ResourceGraphDefinition
        metadata: {name: webapp}
        spec:
          schema:
            apiVersion: v1alpha1
            kind: WebApp
            spec:
              message: string | default="hello"
              replicas: integer | default=1
              configName: string | default=""
            status:
              ip: ${svc.status.loadBalancer.ingress[0].ip}
              available: ${deploy.status.availableReplicas}
          resources:
            - id: secret
              template:
                apiVersion: v1
                kind: Secret
                metadata: {name: '${schema.metadata.name + "-secret"}'}
                stringData: {token: abc}
            - id: config
              template:
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: '${schema.spec.configName != "" ? schema.spec.configName : schema.metadata.name + "-config"}'}
                data: {message: '${schema.spec.message}', secret: '${secret.metadata.name}'}
            - id: deploy
              readyWhen: ['${deploy.status.?availableReplicas.orValue(0) > 0}']
              template:
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: '${schema.metadata.name}', annotations: {config: '${config.metadata.name}'}}
                spec:
                  replicas: ${schema.spec.replicas}
                  selector: {matchLabels: {app: '${schema.metadata.name}'}}
                  template:
                    metadata: {labels: {app: '${schema.metadata.name}'}}
                    spec: {containers: [{name: web, image: nginx}]}
            - id: svc
              readyWhen: ['${svc.status.?loadBalancer.?ingress.orValue([]).size() > 0}']
              template:
                apiVersion: v1
                kind: Service
                metadata: {name: '${schema.metadata.name}', annotations: {available: '${string(deploy.status.availableReplicas)}'}}
                spec:
                  type: LoadBalancer
                  selector: {app: '${schema.metadata.name}'}
                  ports: [{port: 80}]
        """;

    private static readonly SimulatorOptions Fast = new()
    {
        DeploymentRolloutDelay = TimeSpan.FromMilliseconds(50),
        LoadBalancerDelay = TimeSpan.FromMilliseconds(50),
        LoadBalancerAddressPool = "203.0.113.0/29",
    };

    private static readonly ResourceType Secrets = new(string.Empty, "v1", "Secret", "secrets");
    private static readonly ResourceType ConfigMaps = new(string.Empty, "v1", "ConfigMap", "configmaps");
    private static readonly ResourceType Deployments = new("apps", "v1", "Deployment", "deployments");
    private static readonly ResourceType Services = new(string.Empty, "v1", "Service", "services");

    private KubeTestServer _cluster = null!;
    private WorkloadSimulators _simulators = null!;
    private IChildApi _api = null!;
    private InstanceReconciler _reconciler = null!;

    [SetUp]
    public async Task SetUp()
    {
        _cluster = await KubeTestServer.StartAsync();
        _simulators = WorkloadSimulators.Start(_cluster.Server.BaseAddress, Fast);
        var result = new GraphBuilder(TestKinds.WithBuiltIns()).Build(YamlToJson.Parse(WebAppRgd)!.AsObject());
        Assert.That(result.Errors, Is.Empty, result.Message);
        var graph = result.Graph!;
        using (var response = await _cluster.Http.PostAsJsonAsync(_cluster.Url("/apis/apiextensions.k8s.io/v1/customresourcedefinitions"), graph.InstanceCrd()))
        {
            Assert.That(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }

        _api = new KubeChildApi(new KubeApiClient(_cluster.Client), TimeProvider.System);
        _reconciler = new InstanceReconciler(graph, _api, NamingResourceMapper.Map, TimeProvider.System);
        await Eventually.WaitAsync(async () => (await _cluster.Http.GetAsync(_cluster.Url("/apis/kro.run/v1alpha1/namespaces/default/webapps"))).IsSuccessStatusCode, "the WebApp CRD to be served");
    }

    [TearDown]
    public async Task TearDown()
    {
        await _simulators.DisposeAsync();
        await _cluster.DisposeAsync();
    }

    private async Task CreateInstanceAsync(string name, string spec = "{}")
    {
        var body = YamlToJson.Parse($"{{apiVersion: kro.run/v1alpha1, kind: WebApp, metadata: {{name: {name}, namespace: default}}, spec: {spec}}}");
        using var response = await _cluster.Http.PostAsJsonAsync(_cluster.Url("/apis/kro.run/v1alpha1/namespaces/default/webapps"), body);
        Assert.That(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private Task<JsonObject?> InstanceAsync(string name) => _api.GetAsync(_reconciler.InstanceType, "default", name, CancellationToken.None);

    private async Task<JsonObject> ReconcileUntilAsync(string name, Func<JsonObject?, bool> done, string what) =>
        (await Eventually.UntilAsync(async () =>
        {
            await _reconciler.ReconcileAsync("default", name, CancellationToken.None);
            return await InstanceAsync(name);
        }, done, what, TimeSpan.FromSeconds(20)))!;

    private static string? State(JsonObject? instance) => instance?["status"]?["state"]?.GetValue<string>();

    private static string? Condition(JsonObject instance, string type, string field = "status") =>
        instance["status"]?["conditions"]?.AsArray().OfType<JsonObject>().FirstOrDefault(c => c["type"]?.GetValue<string>() == type)?[field] is JsonValue v
            ? v.TryGetValue<string>(out var s) ? s : v.ToJsonString()
            : null;

    [Test]
    public async Task Reconcile_FirstPass_AppliesReadyLayersInOrderAndWaitsOnTheDeployment()
    {
        await CreateInstanceAsync("shop");

        var result = await _reconciler.ReconcileAsync("default", "shop", CancellationToken.None);

        Assert.That(result.RequeueAfter, Is.EqualTo(InstanceReconciler.WaitingRequeue));
        Assert.That(await _api.GetAsync(Secrets, "default", "shop-secret", CancellationToken.None), Is.Not.Null);
        var config = await _api.GetAsync(ConfigMaps, "default", "shop-config", CancellationToken.None);
        Assert.That(config!["data"]!["secret"]!.GetValue<string>(), Is.EqualTo("shop-secret"));
        Assert.That(await _api.GetAsync(Deployments, "default", "shop", CancellationToken.None), Is.Not.Null);
        Assert.That(await _api.GetAsync(Services, "default", "shop", CancellationToken.None), Is.Null, "the Service waits for the Deployment to be available");
        var instance = (await InstanceAsync("shop"))!;
        Assert.That(State(instance), Is.EqualTo("IN_PROGRESS"));
        Assert.That(Condition(instance, InstanceConditions.ResourcesReady, "message"), Does.Contain("svc waits on deploy").And.Contain("deploy waits for Deployment default/shop"));
        Assert.That(instance["metadata"]!["finalizers"]!.AsArray().Select(f => f!.GetValue<string>()), Does.Contain(KroMetadata.Finalizer));
        var labels = config["metadata"]!["labels"]!.AsObject();
        Assert.That(labels[KroMetadata.NodeId]!.GetValue<string>(), Is.EqualTo("config"));
        Assert.That(labels[KroMetadata.InstanceId]!.GetValue<string>(), Is.EqualTo(instance["metadata"]!["uid"]!.GetValue<string>()));
        Assert.That(labels[KroMetadata.ApplySetPartOf]!.GetValue<string>(), Is.EqualTo(instance["metadata"]!["labels"]![KroMetadata.ApplySetId]!.GetValue<string>()));
        Assert.That(config["metadata"]!["managedFields"]!.AsArray().Select(m => m!["manager"]!.GetValue<string>()), Does.Contain(KroMetadata.FieldManager));
    }

    [Test]
    public async Task Reconcile_UntilActive_StatusProjectedAndSteadyStateWritesNothing()
    {
        await CreateInstanceAsync("shop");

        var active = await ReconcileUntilAsync("shop", i => State(i) == "ACTIVE", "the instance to become ACTIVE");

        Assert.That(active["status"]!["ip"]!.GetValue<string>(), Does.StartWith("203.0.113."));
        Assert.That(active["status"]!["available"]!.GetValue<long>(), Is.EqualTo(1));
        Assert.That(Condition(active, InstanceConditions.Ready), Is.EqualTo("True"));
        Assert.That(Condition(active, InstanceConditions.Ready, "observedGeneration"), Is.EqualTo(active["metadata"]!["generation"]!.ToJsonString()));
        var versions = await VersionsAsync("shop");

        var result = await _reconciler.ReconcileAsync("default", "shop", CancellationToken.None);

        Assert.That(result.RequeueAfter, Is.Null);
        Assert.That(await VersionsAsync("shop"), Is.EqualTo(versions), "an unchanged instance costs no write");
    }

    [Test]
    public async Task Reconcile_SpecUpdated_PropagatesToTheConfigMap()
    {
        await CreateInstanceAsync("shop");
        await ReconcileUntilAsync("shop", i => State(i) == "ACTIVE", "the instance to become ACTIVE");
        await _api.MergePatchAsync(_reconciler.InstanceType, "default", "shop", JsonNode.Parse("""{"spec":{"message":"bye"}}""")!.AsObject(), CancellationToken.None);

        await _reconciler.ReconcileAsync("default", "shop", CancellationToken.None);

        var config = await _api.GetAsync(ConfigMaps, "default", "shop-config", CancellationToken.None);
        Assert.That(config!["data"]!["message"]!.GetValue<string>(), Is.EqualTo("bye"));
    }

    [Test]
    public async Task Reconcile_Deleted_RemovesChildrenInReverseOrderThenReleasesTheInstance()
    {
        await CreateInstanceAsync("shop");
        await ReconcileUntilAsync("shop", i => State(i) == "ACTIVE", "the instance to become ACTIVE");
        await _cluster.Http.DeleteAsync(_cluster.Url("/apis/kro.run/v1alpha1/namespaces/default/webapps/shop"));

        await _reconciler.ReconcileAsync("default", "shop", CancellationToken.None);
        var afterFirstWave = (Service: await _api.GetAsync(Services, "default", "shop", CancellationToken.None),
            Deployment: await _api.GetAsync(Deployments, "default", "shop", CancellationToken.None));
        var gone = await ReconcileUntilAsync("shop", i => i is null, "the instance to be gone") is null;

        Assert.That(afterFirstWave.Service, Is.Null, "the Service goes in the first wave");
        Assert.That(afterFirstWave.Deployment, Is.Not.Null, "the Deployment waits for the next wave");
        Assert.That(gone, Is.True);
        Assert.That(await _api.GetAsync(Secrets, "default", "shop-secret", CancellationToken.None), Is.Null);
        Assert.That(await _api.GetAsync(ConfigMaps, "default", "shop-config", CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task Reconcile_ChildRejected_ErrorConditionThenRecoversWhenFixed()
    {
        await CreateInstanceAsync("shop", "{configName: Not_A_Name}");

        var failed = await ReconcileUntilAsync("shop", i => State(i) == "ERROR", "the instance to be in ERROR");

        Assert.That(Condition(failed, InstanceConditions.ResourcesReady, "message"), Does.Contain("ConfigMap default/Not_A_Name was rejected"));
        await _api.MergePatchAsync(_reconciler.InstanceType, "default", "shop", JsonNode.Parse("""{"spec":{"configName":"good-name"}}""")!.AsObject(), CancellationToken.None);
        var fixedUp = await ReconcileUntilAsync("shop", i => State(i) == "ACTIVE", "the instance to recover");
        Assert.That(Condition(fixedUp, InstanceConditions.Ready), Is.EqualTo("True"));
    }

    [Test]
    public async Task Reconcile_Suspended_ConditionSaysSoAndNothingIsCreated()
    {
        await CreateInstanceAsync("shop");
        await _api.MergePatchAsync(_reconciler.InstanceType, "default", "shop", JsonNode.Parse("""{"metadata":{"labels":{"kro.run/reconcile":"disabled"}}}""")!.AsObject(), CancellationToken.None);

        await _reconciler.ReconcileAsync("default", "shop", CancellationToken.None);

        var instance = (await InstanceAsync("shop"))!;
        Assert.That(Condition(instance, InstanceConditions.ResourcesReady, "reason"), Is.EqualTo(InstanceConditions.ReconciliationSuspended));
        Assert.That(await _api.GetAsync(Secrets, "default", "shop-secret", CancellationToken.None), Is.Null);
    }

    private async Task<string> VersionsAsync(string name)
    {
        var objects = new[]
        {
            await InstanceAsync(name),
            await _api.GetAsync(Secrets, "default", name + "-secret", CancellationToken.None),
            await _api.GetAsync(ConfigMaps, "default", name + "-config", CancellationToken.None),
            await _api.GetAsync(Deployments, "default", name, CancellationToken.None),
            await _api.GetAsync(Services, "default", name, CancellationToken.None),
        };
        return string.Join(",", objects.Select(o => o?["metadata"]?["resourceVersion"]?.GetValue<string>()));
    }

    [Test]
    public async Task Reconcile_StaleInstanceCopy_ConflictRequeuesSoonWithoutWriting()
    {
        await CreateInstanceAsync("stale");
        var graph = new GraphBuilder(TestKinds.WithBuiltIns()).Build(YamlToJson.Parse(WebAppRgd)!.AsObject()).Graph!;
        var staleReader = new InstanceReconciler(graph, new StaleInstanceApi(_api, _reconciler.InstanceType), NamingResourceMapper.Map, TimeProvider.System);

        var result = await staleReader.ReconcileAsync("default", "stale", CancellationToken.None);

        Assert.That(result, Is.EqualTo(ReconcileResult.After(InstanceReconciler.TransientRequeue)), "a 409 on the guarded patch requeues soon");
        var instance = await InstanceAsync("stale");
        Assert.That(instance!["metadata"]!["finalizers"], Is.Null, "nothing was written from the stale copy");
        Assert.That(instance["status"], Is.Null);
        Assert.That(await _api.GetAsync(Secrets, "default", "stale-secret", CancellationToken.None), Is.Null, "no child applied from the stale copy");
    }

    /// <summary>Serves the instance as an older copy (resourceVersion 1), as a lagging cache would.</summary>
    private sealed class StaleInstanceApi(IChildApi inner, ResourceType instances) : IChildApi
    {
        public async Task<JsonObject?> GetAsync(ResourceType type, string? @namespace, string name, CancellationToken ct)
        {
            var obj = await inner.GetAsync(type, @namespace, name, ct);
            if (obj is not null && type == instances)
            {
                obj["metadata"]!["resourceVersion"] = "1";
            }

            return obj;
        }

        public Task<IReadOnlyList<JsonObject>> ListAsync(ResourceType type, string? @namespace, string labelSelector, CancellationToken ct) => inner.ListAsync(type, @namespace, labelSelector, ct);

        public Task<JsonObject> ApplyAsync(ResourceType type, JsonObject obj, CancellationToken ct) => inner.ApplyAsync(type, obj, ct);

        public Task<bool> DeleteAsync(ResourceType type, string? @namespace, string name, string? uid, CancellationToken ct) => inner.DeleteAsync(type, @namespace, name, uid, ct);

        public Task<JsonObject> MergePatchAsync(ResourceType type, string? @namespace, string name, JsonObject patch, CancellationToken ct) => inner.MergePatchAsync(type, @namespace, name, patch, ct);

        public Task<JsonObject> ApplyStatusAsync(ResourceType type, JsonObject obj, CancellationToken ct) => inner.ApplyStatusAsync(type, obj, ct);

        public Task RecordEventAsync(JsonObject regarding, string type, string reason, string message, CancellationToken ct) => inner.RecordEventAsync(regarding, type, reason, message, ct);
    }
}
