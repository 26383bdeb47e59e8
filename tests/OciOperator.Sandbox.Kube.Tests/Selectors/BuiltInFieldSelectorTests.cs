using System.Net;
using k8s;
using k8s.Models;
using OciOperator.Sandbox.Kube.Tests.Support;

namespace OciOperator.Sandbox.Kube.Tests.Selectors;

/// <summary>The field labels of the other built-in kinds (k8s pkg/apis/core/v1/conversion.go, batch/v1), on list and watch.</summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class BuiltInFieldSelectorTests : KubeServerTest
{

    private async Task CreatePodAsync(string name, string? node, string phase, bool? hostNetwork = null, string? podIp = null, string? serviceAccount = null)
    {
        await Client.CoreV1.CreateNamespacedPodAsync(new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = name },
            Spec = new V1PodSpec
            {
                NodeName = node,
                HostNetwork = hostNetwork,
                ServiceAccountName = serviceAccount,
                Containers = [new V1Container { Name = "c", Image = "busybox" }],
            },
        }, "default");
        var status = new V1Pod { Status = new V1PodStatus { Phase = phase, PodIP = podIp, PodIPs = podIp is null ? null : [new V1PodIP { Ip = podIp }] } };
        await Client.CoreV1.PatchNamespacedPodStatusAsync(new V1Patch(KubernetesJson.Serialize(status), V1Patch.PatchType.MergePatch), name, "default");
    }

    private static IEnumerable<TestCaseData> PodSelectors()
    {
        yield return new TestCaseData("spec.nodeName=node-1", new[] { "p1", "p3" }).SetName("Pod_SpecNodeName");
        yield return new TestCaseData("spec.host=node-1", new[] { "p1", "p3" }).SetName("Pod_LegacySpecHost");
        yield return new TestCaseData("spec.nodeName=", new[] { "p2" }).SetName("Pod_Unscheduled");
        yield return new TestCaseData("status.phase=Running", new[] { "p1" }).SetName("Pod_StatusPhase");
        yield return new TestCaseData("status.phase!=Running", new[] { "p2", "p3" }).SetName("Pod_StatusPhaseNotEquals");
        yield return new TestCaseData("spec.hostNetwork=false", new[] { "p1", "p2" }).SetName("Pod_HostNetworkDefaultsFalse");
        yield return new TestCaseData("spec.hostNetwork=true", new[] { "p3" }).SetName("Pod_HostNetworkTrue");
        yield return new TestCaseData("status.podIP=10.1.0.7", new[] { "p1" }).SetName("Pod_StatusPodIP");
        yield return new TestCaseData("status.podIPs=10.1.0.7", Array.Empty<string>()).SetName("Pod_StatusPodIPsNeverInSelectableSet");
        yield return new TestCaseData("spec.restartPolicy=Always,spec.schedulerName=default-scheduler", new[] { "p1", "p2", "p3" }).SetName("Pod_DefaultsSelectable");
        yield return new TestCaseData("spec.serviceAccountName=builder,status.nominatedNodeName=", new[] { "p1" }).SetName("Pod_ServiceAccountAndNominatedNode");
    }

    [TestCaseSource(nameof(PodSelectors))]
    public async Task ListPods_FieldSelector_ReturnsMatches(string selector, string[] expected)
    {
        await CreatePodAsync("p1", "node-1", "Running", podIp: "10.1.0.7", serviceAccount: "builder");
        await CreatePodAsync("p2", null, "Pending");
        await CreatePodAsync("p3", "node-1", "Succeeded", hostNetwork: true);

        var list = await Client.CoreV1.ListNamespacedPodAsync("default", fieldSelector: selector);

        Assert.That(list.Items.Select(p => p.Metadata.Name), Is.EqualTo(expected));
    }

    [Test]
    public async Task ListSecrets_TypeSelector_ReturnsMatches()
    {
        await Client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "opaque" } }, "default");
        await Client.CoreV1.CreateNamespacedSecretAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = "tls" },
            Type = "kubernetes.io/tls",
            StringData = new Dictionary<string, string> { ["tls.crt"] = "c", ["tls.key"] = "k" },
        }, "default");

        var tls = await Client.CoreV1.ListNamespacedSecretAsync("default", fieldSelector: "type=kubernetes.io/tls");
        var notOpaque = await Client.CoreV1.ListSecretForAllNamespacesAsync(fieldSelector: "type!=Opaque");

        Assert.That(tls.Items.Select(s => s.Metadata.Name), Is.EqualTo(new[] { "tls" }));
        Assert.That(notOpaque.Items.Select(s => s.Metadata.Name), Is.EqualTo(new[] { "tls" }));
    }

    [Test]
    public async Task ListNamespaces_StatusPhase_ActiveOnes()
    {
        var active = await Client.CoreV1.ListNamespaceAsync(fieldSelector: "status.phase=Active");
        var terminating = await Client.CoreV1.ListNamespaceAsync(fieldSelector: "status.phase=Terminating");

        Assert.That(active.Items.Select(n => n.Metadata.Name), Is.SupersetOf(new[] { "default", "kube-system" }));
        Assert.That(terminating.Items, Is.Empty);
    }

    [Test]
    public async Task ListServices_SpecType_ReturnsMatches()
    {
        await Client.CoreV1.CreateNamespacedServiceAsync(new V1Service
        {
            Metadata = new V1ObjectMeta { Name = "lb" },
            Spec = new V1ServiceSpec { Type = "LoadBalancer", Ports = [new V1ServicePort { Port = 80 }] },
        }, "default");
        await Client.CoreV1.CreateNamespacedServiceAsync(new V1Service
        {
            Metadata = new V1ObjectMeta { Name = "plain" },
            Spec = new V1ServiceSpec { Ports = [new V1ServicePort { Port = 80 }] },
        }, "default");

        var list = await Client.CoreV1.ListNamespacedServiceAsync("default", fieldSelector: "spec.type=ClusterIP");

        Assert.That(list.Items.Select(s => s.Metadata.Name), Is.EqualTo(new[] { "plain" }));
    }

    [Test]
    public async Task ListJobs_StatusSuccessful_ZeroUntilStatusSaysOtherwise()
    {
        foreach (var name in new[] { "j1", "j2" })
        {
            await Client.BatchV1.CreateNamespacedJobAsync(new V1Job
            {
                Metadata = new V1ObjectMeta { Name = name },
                Spec = new V1JobSpec { Template = new V1PodTemplateSpec { Spec = new V1PodSpec { RestartPolicy = "Never", Containers = [new V1Container { Name = "c", Image = "busybox" }] } } },
            }, "default");
        }

        var before = await Client.BatchV1.ListNamespacedJobAsync("default", fieldSelector: "status.successful=0");
        await Client.BatchV1.PatchNamespacedJobStatusAsync(new V1Patch("""{"status":{"succeeded":1}}""", V1Patch.PatchType.MergePatch), "j2", "default");
        var done = await Client.BatchV1.ListNamespacedJobAsync("default", fieldSelector: "status.successful=1");

        Assert.That(before.Items.Select(j => j.Metadata.Name), Is.EqualTo(new[] { "j1", "j2" }));
        Assert.That(done.Items.Select(j => j.Metadata.Name), Is.EqualTo(new[] { "j2" }));
    }

    private const string DefaultConversion = "\"{0}\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\"";
    private const string KindConversion = "field label not supported: {0}";

    [TestCase("/api/v1/namespaces/default/configmaps", "data.x", DefaultConversion)]
    [TestCase("/apis/apps/v1/namespaces/default/deployments", "spec.replicas", DefaultConversion)]
    [TestCase("/apis/coordination.k8s.io/v1/namespaces/default/leases", "spec.holderIdentity", DefaultConversion)]
    [TestCase("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", "spec.group", DefaultConversion)]
    [TestCase("/api/v1/namespaces/default/secrets", "data", KindConversion)]
    [TestCase("/api/v1/namespaces/default/pods", "spec.containers", KindConversion)]
    [TestCase("/api/v1/namespaces/default/services", "spec.ports", KindConversion)]
    [TestCase("/apis/batch/v1/namespaces/default/jobs", "status.failed", KindConversion)]
    [TestCase("/api/v1/namespaces", "metadata.namespace", KindConversion)]
    public async Task ListAndWatch_UnsupportedLabel_400WithApiserverWording(string path, string label, string messageFormat)
    {
        var query = "fieldSelector=" + Uri.EscapeDataString(label + "=x");
        var expected = string.Format(System.Globalization.CultureInfo.InvariantCulture, messageFormat, label);

        var (listCode, listStatus, _) = await Server.SendAsync(HttpMethod.Get, path + "?" + query);
        var (watchCode, watchStatus, _) = await Server.SendAsync(HttpMethod.Get, path + "?watch=true&" + query);

        Assert.That(listCode, Is.EqualTo(400));
        Assert.That(listStatus!["message"]!.GetValue<string>(), Is.EqualTo(expected));
        Assert.That(watchCode, Is.EqualTo(400));
        Assert.That(watchStatus!["message"]!.GetValue<string>(), Is.EqualTo(expected));
    }

    [Test]
    public async Task WatchPods_PhaseSelector_TransitionsBecomeAddedAndDeleted()
    {
        await CreatePodAsync("p1", "node-1", "Pending");
        var list = await Client.CoreV1.ListNamespacedPodAsync("default");
        await using var watch = await WatchLines.OpenAsync(Server,
            $"/api/v1/namespaces/default/pods?watch=true&resourceVersion={list.Metadata.ResourceVersion}&fieldSelector=" + Uri.EscapeDataString("status.phase=Running"));

        await Client.CoreV1.PatchNamespacedPodStatusAsync(new V1Patch("""{"status":{"phase":"Running"}}""", V1Patch.PatchType.MergePatch), "p1", "default");
        await Client.CoreV1.PatchNamespacedPodStatusAsync(new V1Patch("""{"status":{"phase":"Succeeded"}}""", V1Patch.PatchType.MergePatch), "p1", "default");
        var added = await watch.NextAsync();
        var deleted = await watch.NextAsync();

        Assert.That(added!["type"]!.GetValue<string>(), Is.EqualTo("ADDED"));
        Assert.That(deleted!["type"]!.GetValue<string>(), Is.EqualTo("DELETED"));
        Assert.That(deleted["object"]!["status"]!["phase"]!.GetValue<string>(), Is.EqualTo("Succeeded"));
    }
}
