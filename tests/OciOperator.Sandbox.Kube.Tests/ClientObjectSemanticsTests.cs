using System.Net;
using System.Text;
using k8s;
using k8s.Models;
using OciOperator.Sandbox.Kube.Tests.Support;

namespace OciOperator.Sandbox.Kube.Tests;

/// <summary>Object semantics through the real KubernetesClient: CRUD, resourceVersion, conflicts, names, built-ins.</summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class ClientObjectSemanticsTests : KubeServerTest
{

    private static V1ConfigMap ConfigMap(string name, string value = "v") =>
        new() { Metadata = new V1ObjectMeta { Name = name }, Data = new Dictionary<string, string> { ["k"] = value } };

    [Test]
    public async Task Create_ConfigMap_ServerFillsUidResourceVersionAndTimestamp()
    {
        var created = await Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("a"), "default");

        Assert.That(Guid.TryParse(created.Metadata.Uid, out _), Is.True);
        Assert.That(long.Parse(created.Metadata.ResourceVersion, System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThan(0));
        Assert.That(created.Metadata.CreationTimestamp, Is.Not.Null);
        Assert.That(created.Metadata.NamespaceProperty, Is.EqualTo("default"));
        Assert.That(created.Metadata.ManagedFields?[0].Manager, Is.EqualTo("kubernetes-csharp"));
    }

    [Test]
    public async Task Create_Twice_AnswersAlreadyExistsStatus()
    {
        await Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("a"), "default");

        var status = await ApiAssert.FailsAsync(() => Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("a"), "default"), HttpStatusCode.Conflict);

        Assert.That(status["reason"]!.GetValue<string>(), Is.EqualTo("AlreadyExists"));
        Assert.That(status["message"]!.GetValue<string>(), Is.EqualTo("configmaps \"a\" already exists"));
        Assert.That(status["details"]!["kind"]!.GetValue<string>(), Is.EqualTo("configmaps"));
    }

    [Test]
    public async Task Replace_WithStaleResourceVersion_AnswersConflict()
    {
        var created = await Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("a"), "default");
        var first = ConfigMap("a", "one");
        first.Metadata.ResourceVersion = created.Metadata.ResourceVersion;
        await Client.CoreV1.ReplaceNamespacedConfigMapAsync(first, "a", "default");
        var stale = ConfigMap("a", "two");
        stale.Metadata.ResourceVersion = created.Metadata.ResourceVersion;

        var status = await ApiAssert.FailsAsync(() => Client.CoreV1.ReplaceNamespacedConfigMapAsync(stale, "a", "default"), HttpStatusCode.Conflict);

        Assert.That(status["reason"]!.GetValue<string>(), Is.EqualTo("Conflict"));
        Assert.That(status["message"]!.GetValue<string>(), Is.EqualTo(
            "Operation cannot be fulfilled on configmaps \"a\": the object has been modified; please apply your changes to the latest version and try again"));
    }

    [Test]
    public async Task ResourceVersion_AcrossKinds_OneIncreasingCounter()
    {
        var cm = await Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("a"), "default");
        var secret = await Client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "s" } }, "default");
        var cm2 = await Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("b"), "default");

        var versions = new[] { cm, (object)secret, cm2 }.Select(o => long.Parse(ApiAssert.Node(o)["metadata"]!["resourceVersion"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.That(versions, Is.Ordered.Ascending);
        Assert.That(versions.Distinct().Count(), Is.EqualTo(3));
    }

    [Test]
    public async Task Replace_Unchanged_KeepsResourceVersion()
    {
        var created = await Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("a"), "default");

        var same = await Client.CoreV1.ReplaceNamespacedConfigMapAsync(created, "a", "default");

        Assert.That(same.Metadata.ResourceVersion, Is.EqualTo(created.Metadata.ResourceVersion));
    }

    [Test]
    public async Task Secret_StringData_FoldedIntoBase64DataWithOpaqueType()
    {
        var secret = new V1Secret { Metadata = new V1ObjectMeta { Name = "creds" }, StringData = new Dictionary<string, string> { ["password"] = "pw" } };

        var created = await Client.CoreV1.CreateNamespacedSecretAsync(secret, "default");

        Assert.That(created.Type, Is.EqualTo("Opaque"));
        Assert.That(created.StringData, Is.Null);
        Assert.That(Encoding.UTF8.GetString(created.Data["password"]), Is.EqualTo("pw"));
    }

    [Test]
    public async Task Service_Created_GetsClusterIpAndDefaults()
    {
        var service = new V1Service
        {
            Metadata = new V1ObjectMeta { Name = "web" },
            Spec = new V1ServiceSpec { Ports = [new V1ServicePort { Port = 80 }], Selector = new Dictionary<string, string> { ["app"] = "web" } },
        };

        var created = await Client.CoreV1.CreateNamespacedServiceAsync(service, "default");

        Assert.That(created.Spec.ClusterIP, Does.StartWith("10.96."));
        Assert.That(created.Spec.Type, Is.EqualTo("ClusterIP"));
        Assert.That(created.Spec.Ports[0].Protocol, Is.EqualTo("TCP"));
        Assert.That(created.Spec.Ports[0].TargetPort.Value, Is.EqualTo("80"));
    }

    [Test]
    public async Task Create_WithGenerateName_GeneratesFiveCharacterSuffix()
    {
        var cm = new V1ConfigMap { Metadata = new V1ObjectMeta { GenerateName = "job-" } };

        var created = await Client.CoreV1.CreateNamespacedConfigMapAsync(cm, "default");

        Assert.That(created.Metadata.Name, Does.Match("^job-[bcdfghjklmnpqrstvwxz2456789]{5}$"));
    }

    [Test]
    public async Task Create_InvalidName_AnswersInvalidWithFieldPath()
    {
        var status = await ApiAssert.FailsAsync(() => Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("Bad_Name"), "default"), HttpStatusCode.UnprocessableEntity);

        Assert.That(status["reason"]!.GetValue<string>(), Is.EqualTo("Invalid"));
        Assert.That(status["details"]!["causes"]![0]!["field"]!.GetValue<string>(), Is.EqualTo("metadata.name"));
        Assert.That(status["message"]!.GetValue<string>(), Does.StartWith("ConfigMap \"Bad_Name\" is invalid: metadata.name: Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain"));
    }

    [Test]
    public async Task Create_InMissingNamespace_AnswersNamespaceNotFound()
    {
        var status = await ApiAssert.FailsAsync(() => Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("a"), "nowhere"), HttpStatusCode.NotFound);

        Assert.That(status["message"]!.GetValue<string>(), Is.EqualTo("namespaces \"nowhere\" not found"));
    }

    [Test]
    public async Task Deployment_Generation_BumpsOnSpecChangeOnly()
    {
        var deployment = new V1Deployment
        {
            Metadata = new V1ObjectMeta { Name = "web" },
            Spec = new V1DeploymentSpec
            {
                Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "web" } },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = "web" } },
                    Spec = new V1PodSpec { Containers = [new V1Container { Name = "web", Image = "nginx" }] },
                },
            },
        };
        var created = await Client.AppsV1.CreateNamespacedDeploymentAsync(deployment, "default");
        var statusPatch = new V1Patch("{\"status\":{\"replicas\":1}}", V1Patch.PatchType.MergePatch);
        var afterStatus = await Client.AppsV1.PatchNamespacedDeploymentStatusAsync(statusPatch, "web", "default");
        var specPatch = new V1Patch("{\"spec\":{\"replicas\":3}}", V1Patch.PatchType.MergePatch);
        var afterSpec = await Client.AppsV1.PatchNamespacedDeploymentAsync(specPatch, "web", "default");

        Assert.That(created.Metadata.Generation, Is.EqualTo(1));
        Assert.That(created.Spec.Replicas, Is.EqualTo(1));
        Assert.That(afterStatus.Metadata.Generation, Is.EqualTo(1));
        Assert.That(afterStatus.Status.Replicas, Is.EqualTo(1));
        Assert.That(afterSpec.Metadata.Generation, Is.EqualTo(2));
        Assert.That(afterSpec.Status.Replicas, Is.EqualTo(1));
    }

    [Test]
    public async Task Delete_WithFinalizer_MarksThenRemovesWhenFinalizerCleared()
    {
        var cm = ConfigMap("held");
        cm.Metadata.Finalizers = ["example.com/hold"];
        await Client.CoreV1.CreateNamespacedConfigMapAsync(cm, "default");

        await Client.CoreV1.DeleteNamespacedConfigMapAsync("held", "default");
        var marked = await Client.CoreV1.ReadNamespacedConfigMapAsync("held", "default");
        var addFinalizer = new V1Patch("{\"metadata\":{\"finalizers\":[\"example.com/hold\",\"example.com/new\"]}}", V1Patch.PatchType.MergePatch);
        var forbidden = await ApiAssert.FailsAsync(() => Client.CoreV1.PatchNamespacedConfigMapAsync(addFinalizer, "held", "default"), HttpStatusCode.UnprocessableEntity);
        await Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("{\"metadata\":{\"finalizers\":null}}", V1Patch.PatchType.MergePatch), "held", "default");

        Assert.That(marked.Metadata.DeletionTimestamp, Is.Not.Null);
        Assert.That(marked.Metadata.DeletionGracePeriodSeconds, Is.EqualTo(0));
        Assert.That(forbidden["message"]!.GetValue<string>(), Does.Contain("no new finalizers can be added if the object is being deleted"));
        await ApiAssert.FailsAsync(() => Client.CoreV1.ReadNamespacedConfigMapAsync("held", "default"), HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Lease_ReplaceWithoutResourceVersion_AnswersInvalid()
    {
        var lease = new V1Lease { Metadata = new V1ObjectMeta { Name = "leader" }, Spec = new V1LeaseSpec { HolderIdentity = "a" } };
        await Client.CoordinationV1.CreateNamespacedLeaseAsync(lease, "default");
        lease.Spec.HolderIdentity = "b";

        var status = await ApiAssert.FailsAsync(() => Client.CoordinationV1.ReplaceNamespacedLeaseAsync(lease, "leader", "default"), HttpStatusCode.UnprocessableEntity);

        Assert.That(status["message"]!.GetValue<string>(), Does.EndWith("metadata.resourceVersion: Invalid value: 0x0: must be specified for an update"));
    }

    [Test]
    public async Task Namespace_Created_HasKubernetesFinalizerPhaseAndNameLabel()
    {
        var ns = await Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "demo" } });

        Assert.That(ns.Spec.Finalizers, Is.EqualTo(new[] { "kubernetes" }));
        Assert.That(ns.Status.Phase, Is.EqualTo("Active"));
        Assert.That(ns.Metadata.Labels["kubernetes.io/metadata.name"], Is.EqualTo("demo"));
    }

    [Test]
    public async Task BearerToken_Configured_ClientWithTokenAllowedOthersUnauthorized()
    {
        await using var secured = await KubeTestServer.StartAsync(new OciOperator.Sandbox.Kube.KubeApiServerOptions { BearerToken = "t0ken" });

        var list = await secured.Client.CoreV1.ListNamespaceAsync();
        var (code, body, _) = await secured.SendAsync(HttpMethod.Get, "/api/v1/namespaces");

        Assert.That(list.Items.Select(n => n.Metadata.Name), Does.Contain("default"));
        Assert.That(code, Is.EqualTo(401));
        Assert.That(body!["reason"]!.GetValue<string>(), Is.EqualTo("Unauthorized"));
        Assert.That(secured.Server.BuildKubeconfig(), Does.Contain("token: \"t0ken\""));
    }
}
