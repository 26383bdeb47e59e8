using System.Net;
using k8s;
using k8s.Models;
using OciOperator.Sandbox.Kube.Tests.Support;

namespace OciOperator.Sandbox.Kube.Tests;

/// <summary>Garbage collection (background, foreground, orphan) and namespace deletion through KubernetesClient.</summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class ClientGarbageCollectionTests : KubeServerTest
{

    private async Task<(V1ConfigMap Owner, V1ConfigMap Dependent)> OwnerAndDependentAsync(IList<string>? dependentFinalizers = null)
    {
        var owner = await Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "owner" } }, "default");
        var dependent = await Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap
        {
            Metadata = new V1ObjectMeta
            {
                Name = "dependent",
                Finalizers = dependentFinalizers,
                OwnerReferences = [new V1OwnerReference { ApiVersion = "v1", Kind = "ConfigMap", Name = "owner", Uid = owner.Metadata.Uid, BlockOwnerDeletion = true, Controller = true }],
            },
        }, "default");
        return (owner, dependent);
    }

    private async Task<bool> ExistsAsync(string name)
    {
        var list = await Client.CoreV1.ListNamespacedConfigMapAsync("default", fieldSelector: "metadata.name=" + name);
        return list.Items.Count > 0;
    }

    [Test]
    public async Task DeleteOwner_Background_DeletesDependent()
    {
        await OwnerAndDependentAsync();

        await Client.CoreV1.DeleteNamespacedConfigMapAsync("owner", "default");

        Assert.That(await Eventually.TrueAsync(async () => !await ExistsAsync("dependent")), Is.True);
        Assert.That(await ExistsAsync("owner"), Is.False);
    }

    [Test]
    public async Task DeleteOwner_Orphan_KeepsDependentWithoutOwnerReference()
    {
        await OwnerAndDependentAsync();

        await Client.CoreV1.DeleteNamespacedConfigMapAsync("owner", "default", propagationPolicy: "Orphan");
        var dependent = await Client.CoreV1.ReadNamespacedConfigMapAsync("dependent", "default");

        Assert.That(await ExistsAsync("owner"), Is.False);
        Assert.That(dependent.Metadata.OwnerReferences, Is.Null.Or.Empty);
    }

    [Test]
    public async Task DeleteOwner_Foreground_WaitsForBlockingDependent()
    {
        await OwnerAndDependentAsync(["example.com/hold"]);

        await Client.CoreV1.DeleteNamespacedConfigMapAsync("owner", "default", propagationPolicy: "Foreground");
        var waiting = await Client.CoreV1.ReadNamespacedConfigMapAsync("owner", "default");
        var dependent = await Client.CoreV1.ReadNamespacedConfigMapAsync("dependent", "default");
        await Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("{\"metadata\":{\"finalizers\":null}}", V1Patch.PatchType.MergePatch), "dependent", "default");

        Assert.That(waiting.Metadata.Finalizers, Does.Contain("foregroundDeletion"));
        Assert.That(waiting.Metadata.DeletionTimestamp, Is.Not.Null);
        Assert.That(dependent.Metadata.DeletionTimestamp, Is.Not.Null);
        Assert.That(await Eventually.TrueAsync(async () => !await ExistsAsync("owner") && !await ExistsAsync("dependent")), Is.True);
    }

    [Test]
    public async Task Create_WithMissingOwner_IsCollected()
    {
        await Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap
        {
            Metadata = new V1ObjectMeta
            {
                Name = "orphaned",
                OwnerReferences = [new V1OwnerReference { ApiVersion = "v1", Kind = "ConfigMap", Name = "gone", Uid = Guid.NewGuid().ToString() }],
            },
        }, "default");

        Assert.That(await Eventually.TrueAsync(async () => !await ExistsAsync("orphaned")), Is.True);
    }

    [Test]
    public async Task DeleteNamespace_DeletesContentThenNamespace()
    {
        await Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "demo" } });
        await Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "a" } }, "demo");

        await Client.CoreV1.DeleteNamespaceAsync("demo");

        Assert.That(await Eventually.TrueAsync(async () => (await Client.CoreV1.ListNamespaceAsync(fieldSelector: "metadata.name=demo")).Items.Count == 0), Is.True);
        Assert.That((await Client.CoreV1.ListConfigMapForAllNamespacesAsync(fieldSelector: "metadata.namespace=demo")).Items, Is.Empty);
    }

    [Test]
    public async Task DeleteNamespace_WithHeldContent_TerminatingAndRefusesNewContent()
    {
        await Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "demo" } });
        await Client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "held", Finalizers = ["example.com/hold"] } }, "demo");

        await Client.CoreV1.DeleteNamespaceAsync("demo");
        var ns = await Client.CoreV1.ReadNamespaceAsync("demo");
        var status = await ApiAssert.FailsAsync(
            () => Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "new" } }, "demo"), HttpStatusCode.Forbidden);
        await Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("{\"metadata\":{\"finalizers\":null}}", V1Patch.PatchType.MergePatch), "held", "demo");

        Assert.That(ns.Status.Phase, Is.EqualTo("Terminating"));
        Assert.That(status["message"]!.GetValue<string>(), Is.EqualTo(
            "configmaps \"new\" is forbidden: unable to create new content in namespace demo because it is being terminated"));
        Assert.That(await Eventually.TrueAsync(async () => (await Client.CoreV1.ListNamespaceAsync(fieldSelector: "metadata.name=demo")).Items.Count == 0), Is.True);
    }

    [Test]
    public async Task Delete_ResponseCarriesUid()
    {
        var created = await Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "x" } }, "default");

        var (code, body, _) = await Server.SendAsync(HttpMethod.Delete, "/api/v1/namespaces/default/configmaps/x", "{\"propagationPolicy\":\"Background\"}");

        Assert.That(code, Is.EqualTo(200));
        Assert.That(body!["status"]!.GetValue<string>(), Is.EqualTo("Success"));
        Assert.That(body["details"]!["uid"]!.GetValue<string>(), Is.EqualTo(created.Metadata.Uid));
    }

    [Test]
    public async Task Delete_WithStaleUidPrecondition_Conflict()
    {
        await Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "x" } }, "default");
        var options = new V1DeleteOptions { Preconditions = new V1Preconditions { Uid = Guid.NewGuid().ToString() } };

        var status = await ApiAssert.FailsAsync(() => Client.CoreV1.DeleteNamespacedConfigMapAsync("x", "default", options), HttpStatusCode.Conflict);

        Assert.That(status["message"]!.GetValue<string>(), Does.Contain("Precondition failed: UID in precondition"));
    }
}
