using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using OciOperator.Mysql.Api;
using OciOperator.Mysql.Controllers;
using OciOperator.Mysql.Credentials;
using OciOperator.Mysql.Diagnostics;
using OciOperator.Mysql.Secrets;
using OciOperator.Mysql.Mapping;
using OciOperator.Mysql.Tests.Support;
using OciOperator.Oci.Identity;
using OciOperator.Oci.Mysql;
using OciOperator.Runtime.Caching;
using OciOperator.Runtime.Client;
using OciOperator.Runtime.Events;
using OciOperator.Runtime.Reconciliation;
using DbSystem = OciOperator.Mysql.Api.DbSystem;

namespace OciOperator.Mysql.Tests.Controllers;

/// <summary>
/// The reconciler reads its DbSystem from the informer cache, never with a GET per reconcile, and a stale cached
/// copy costs a conflict and a retry, never a lost update or an OCI call made on outdated state.
/// </summary>
[NonParallelizable]
public sealed class DbSystemCacheReadTests
{
    private const string Password = "Str0ng-Passw0rd!";
    private const string FreshOcid = "ocid1.mysqldbsystem.oc1..fresh";

    [Test]
    public async Task Reconcile_WholeLifecycle_NeverGetsTheDbSystemFromTheApiServer()
    {
        await using var env = await DbSystemEnvironment.StartAsync();
        await env.StartOperatorAsync();
        await env.CreateNamespaceAsync("cached");
        await env.CreateAdminSecretAsync("cached", "admin-secret", "admin", Password);
        await env.CreateAsync(DbSystemEnvironment.NewDbSystem("cached", "db"));
        await env.WaitForActiveAsync("cached", "db");
        await env.PatchSpecAsync("cached", "db", new Dictionary<string, object> { ["description"] = "changed" });
        await env.WaitForAsync("cached", "db", d => d.Status?.Description == "changed" && DbSystemEnvironment.CurrentCondition(d) == DbSystemConditionType.Active, "updated and Active");
        await env.DeleteAsync("cached", "db");
        Assert.That(await Eventually.TrueAsync(async () => await env.GetAsync("cached", "db") is null), Is.True, "deleted");

        var path = $"/apis/{DbSystem.KubeGroup}/{DbSystem.KubeApiVersion}/namespaces/cached/{DbSystem.KubePluralName}/db";
        var requests = env.KubeRequests.Requests;
        Assert.That(requests.Count(r => r == $"PUT {path}/status"), Is.GreaterThanOrEqualTo(3), "the log sees the reconciles' writes: " + string.Join("\n", requests));
        Assert.That(env.KubeRequests.GetsOf(path), Is.Zero, string.Join("\n", requests));
    }

    [Test]
    public async Task Reconcile_StaleCachedObject_ConflictsWithoutOverwritingOrCallingOci()
    {
        await using var env = await DbSystemEnvironment.StartAsync();
        await env.CreateNamespaceAsync("stale");
        await env.CreateAdminSecretAsync("stale", "admin-secret", "admin", Password);
        var draft = DbSystemEnvironment.NewDbSystem("stale", "db");
        draft.Metadata.Finalizers = [DbSystemAnnotations.Finalizer];
        var stale = await env.CreateAsync(draft);
        using var kubernetes = new Kubernetes(new KubernetesClientConfiguration { Host = env.Kube.BaseAddress.ToString() });
        var api = new KubeApiClient(kubernetes);
        // A previous reconcile recorded the OCID; the cache has not seen that write yet.
        var recorded = ObjectCopy.Clone(stale);
        recorded.Status = new DbSystemStatus { Status = new OsokStatus { Ocid = FreshOcid, RequestedAt = DateTimeOffset.UtcNow } };
        await api.ReplaceAsync(DbSystemReconciler.Type, recorded, status: true, CancellationToken.None);
        var oci = new Mock<IMysqlDbSystemClient>(MockBehavior.Strict);
        var cache = new StaticCache<DbSystem>(stale);
        var reconciler = NewReconciler(api, cache, oci.Object, await SecretsAsync(env));

        var conflict = await Assert.ThrowsAsync<KubeApiException>(() => reconciler.ReconcileAsync(new ReconcileRequest("stale", "db"), CancellationToken.None));

        Assert.That(conflict!.IsConflict, Is.True, conflict.Message);
        Assert.That((await env.GetAsync("stale", "db"))!.Status!.Status.Ocid, Is.EqualTo(FreshOcid), "the newer status survives");
        oci.VerifyNoOtherCalls();

        // The retry reads the cache again, which has caught up: the recorded DB system is polled, none is created.
        cache.Item = (await env.GetAsync("stale", "db"))!;
        oci.Setup(o => o.GetDbSystemAsync(FreshOcid, null, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new GetDbSystemResult(new Oci.Mysql.DbSystem { Id = FreshOcid, LifecycleState = DbSystemLifecycleState.Creating }, false, null, "req-1"));

        var result = await reconciler.ReconcileAsync(new ReconcileRequest("stale", "db"), CancellationToken.None);

        Assert.That(result.RequeueAfter, Is.Not.Null);
        var stored = (await env.GetAsync("stale", "db"))!;
        Assert.That(stored.Status!.Status.Ocid, Is.EqualTo(FreshOcid));
        Assert.That(DbSystemEnvironment.CurrentCondition(stored), Is.EqualTo(DbSystemConditionType.Provisioning));
        oci.Verify(o => o.GetDbSystemAsync(FreshOcid, null, It.IsAny<CancellationToken>()), Times.Once);
        oci.VerifyNoOtherCalls();
    }

    [Test]
    public async Task Reconcile_CacheBehindOwnStatusWrite_WaitsForItWithoutCallingOciAgain()
    {
        await using var env = await DbSystemEnvironment.StartAsync();
        await env.CreateNamespaceAsync("stale");
        await env.CreateAdminSecretAsync("stale", "admin-secret", "admin", Password);
        var draft = DbSystemEnvironment.NewDbSystem("stale", "db");
        draft.Metadata.Finalizers = [DbSystemAnnotations.Finalizer];
        var created = await env.CreateAsync(draft);
        using var kubernetes = new Kubernetes(new KubernetesClientConfiguration { Host = env.Kube.BaseAddress.ToString() });
        var api = new KubeApiClient(kubernetes);
        var tracked = ObjectCopy.Clone(created);
        tracked.Status = new DbSystemStatus { Status = new OsokStatus { Ocid = FreshOcid, RequestedAt = DateTimeOffset.UtcNow } };
        var before = await api.ReplaceAsync(DbSystemReconciler.Type, tracked, status: true, CancellationToken.None);
        var oci = new Mock<IMysqlDbSystemClient>(MockBehavior.Strict);
        oci.Setup(o => o.GetDbSystemAsync(FreshOcid, null, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new GetDbSystemResult(new Oci.Mysql.DbSystem { Id = FreshOcid, LifecycleState = DbSystemLifecycleState.Creating }, false, null, "req-1"));
        var cache = new StaticCache<DbSystem>(before);
        var guard = new StaleReadGuard();
        var reconciler = NewReconciler(api, cache, oci.Object, await SecretsAsync(env), guard);
        var request = new ReconcileRequest("stale", "db");

        await reconciler.ReconcileAsync(request, CancellationToken.None);
        var written = (await env.GetAsync("stale", "db"))!;
        Assert.That(written.Metadata.ResourceVersion, Is.Not.EqualTo(before.Metadata.ResourceVersion), "the first reconcile wrote status");
        Assert.That(guard.CaughtUp("stale", "db", written.Metadata.ResourceVersion), Is.False, "no reconcile waits yet: our own write stays filtered");

        // The informer has not delivered that write yet: the cache still holds the version it replaced.
        var waiting = await reconciler.ReconcileAsync(request, CancellationToken.None);

        Assert.That(waiting.RequeueAfter, Is.EqualTo(TimeSpan.FromSeconds(1)), "the fallback");
        Assert.That(guard.CaughtUp("stale", "db", written.Metadata.ResourceVersion), Is.True, "the write's watch event reconciles the waiting DbSystem at once");
        oci.Verify(o => o.GetDbSystemAsync(FreshOcid, null, It.IsAny<CancellationToken>()), Times.Once);

        cache.Item = written;
        await reconciler.ReconcileAsync(request, CancellationToken.None);

        oci.Verify(o => o.GetDbSystemAsync(FreshOcid, null, It.IsAny<CancellationToken>()), Times.Exactly(2));
        oci.VerifyNoOtherCalls();
    }

    private static DbSystemReconciler NewReconciler(IKubeApi api, ICacheReader<DbSystem> cache, IMysqlDbSystemClient oci, ICacheReader<V1Secret> secrets, StaleReadGuard? guard = null) =>
        new(
            api,
            cache,
            new AdminCredentialReader(secrets),
            oci,
            new AvailabilityDomainResolver(Mock.Of<IIdentityClient>(MockBehavior.Strict), TimeProvider.System),
            new EventRecorder(api, "test", "test", TimeProvider.System, NullLogger<EventRecorder>.Instance),
            new EndpointSecretWriter(api, secrets),
            new PasswordFingerprints(),
            new DbSystemControllerOptions(),
            new DbSystemMetrics(),
            TimeProvider.System,
            NullLogger<DbSystemReconciler>.Instance,
            guard ?? new StaleReadGuard());

    private static async Task<ICacheReader<V1Secret>> SecretsAsync(DbSystemEnvironment env) =>
        new StaticCache<V1Secret>(await env.Client.CoreV1.ReadNamespacedSecretAsync("admin-secret", "stale"));

    /// <summary>A cache holding one object, replaced by the test to play an informer that lags or catches up.</summary>
    private sealed class StaticCache<T>(T item) : ICacheReader<T>
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        public T Item { get; set; } = item;

        public T? Get(string? @namespace, string name) =>
            Item.Metadata.NamespaceProperty == @namespace && Item.Metadata.Name == name ? Item : null;

        public IReadOnlyList<T> List(string? @namespace = null) => [Item];

        public IReadOnlyList<T> ByIndex(string indexName, string value) => [];
    }
}
