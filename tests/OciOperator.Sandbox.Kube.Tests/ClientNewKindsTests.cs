using k8s;
using k8s.Models;
using OciOperator.Sandbox.Kube.Tests.Support;

namespace OciOperator.Sandbox.Kube.Tests;

/// <summary>The real KubernetesClient's typed clients for every kind the Sandbox added for issue 13.</summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class ClientNewKindsTests : KubeServerTest
{
    private const string Ns = "default";

    private static V1ObjectMeta Meta(string name = "sample") => new() { Name = name, Labels = new Dictionary<string, string> { ["app"] = "web" } };

    private static V1LabelSelector Selector => new() { MatchLabels = new Dictionary<string, string> { ["app"] = "web" } };

    private static V1PodTemplateSpec Template => new()
    {
        Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = "web" } },
        Spec = new V1PodSpec { Containers = [new V1Container { Name = "web", Image = "nginx" }] },
    };

    [Test]
    public async Task StatefulSet_TypedClient_CreateReadScaleListDelete()
    {
        var created = await Client.AppsV1.CreateNamespacedStatefulSetAsync(new V1StatefulSet { Metadata = Meta(), Spec = new V1StatefulSetSpec { ServiceName = "web", Replicas = 1, Selector = Selector, Template = Template } }, Ns);
        var scale = await Client.AppsV1.PatchNamespacedStatefulSetScaleAsync(new V1Patch("{\"spec\":{\"replicas\":3}}", V1Patch.PatchType.MergePatch), "sample", Ns);
        var read = await Client.AppsV1.ReadNamespacedStatefulSetAsync("sample", Ns);
        var list = await Client.AppsV1.ListNamespacedStatefulSetAsync(Ns);
        await Client.AppsV1.DeleteNamespacedStatefulSetAsync("sample", Ns);

        Assert.That(created.Metadata.Uid, Is.Not.Empty);
        Assert.That(scale.Spec.Replicas, Is.EqualTo(3));
        Assert.That(read.Spec.Replicas, Is.EqualTo(3));
        Assert.That(list.Items.Select(i => i.Name()), Is.EqualTo(new[] { "sample" }));
    }

    [Test]
    public async Task ReplicaSetAndDaemonSet_TypedClient_CreateReadScaleDelete()
    {
        await Client.AppsV1.CreateNamespacedReplicaSetAsync(new V1ReplicaSet { Metadata = Meta(), Spec = new V1ReplicaSetSpec { Replicas = 2, Selector = Selector, Template = Template } }, Ns);
        await Client.AppsV1.CreateNamespacedDaemonSetAsync(new V1DaemonSet { Metadata = Meta(), Spec = new V1DaemonSetSpec { Selector = Selector, Template = Template } }, Ns);

        var scale = await Client.AppsV1.ReadNamespacedReplicaSetScaleAsync("sample", Ns);
        var replaced = await Client.AppsV1.ReplaceNamespacedReplicaSetScaleAsync(new V1Scale { Metadata = new V1ObjectMeta { Name = "sample" }, Spec = new V1ScaleSpec { Replicas = 5 } }, "sample", Ns);
        var ds = await Client.AppsV1.ReadNamespacedDaemonSetAsync("sample", Ns);
        await Client.AppsV1.DeleteNamespacedReplicaSetAsync("sample", Ns);
        await Client.AppsV1.DeleteNamespacedDaemonSetAsync("sample", Ns);

        Assert.That(scale.Spec.Replicas, Is.EqualTo(2));
        Assert.That(scale.Status.Selector, Is.EqualTo("app=web"));
        Assert.That(replaced.Spec.Replicas, Is.EqualTo(5));
        Assert.That(ds.Spec.Template.Spec.Containers[0].Image, Is.EqualTo("nginx"));
    }

    [Test]
    public async Task BatchAndStorageAndNetworking_TypedClients_RoundTrip()
    {
        await Client.BatchV1.CreateNamespacedCronJobAsync(new V1CronJob
        {
            Metadata = Meta(),
            Spec = new V1CronJobSpec { Schedule = "*/5 * * * *", JobTemplate = new V1JobTemplateSpec { Spec = new V1JobSpec { Template = new V1PodTemplateSpec { Spec = new V1PodSpec { RestartPolicy = "Never", Containers = [new V1Container { Name = "c", Image = "busybox" }] } } } } },
        }, Ns);
        await Client.CoreV1.CreateNamespacedPersistentVolumeClaimAsync(new V1PersistentVolumeClaim
        {
            Metadata = Meta(),
            Spec = new V1PersistentVolumeClaimSpec { AccessModes = ["ReadWriteOnce"], Resources = new V1VolumeResourceRequirements { Requests = new Dictionary<string, ResourceQuantity> { ["storage"] = new("1Gi") } } },
        }, Ns);
        await Client.NetworkingV1.CreateNamespacedIngressAsync(new V1Ingress { Metadata = Meta(), Spec = new V1IngressSpec { IngressClassName = "nginx" } }, Ns);
        await Client.NetworkingV1.CreateIngressClassAsync(new V1IngressClass { Metadata = Meta("nginx"), Spec = new V1IngressClassSpec { Controller = "k8s.io/ingress-nginx" } });
        await Client.NetworkingV1.CreateNamespacedNetworkPolicyAsync(new V1NetworkPolicy { Metadata = Meta(), Spec = new V1NetworkPolicySpec { PodSelector = new V1LabelSelector() } }, Ns);

        Assert.That((await Client.BatchV1.ReadNamespacedCronJobAsync("sample", Ns)).Spec.Schedule, Is.EqualTo("*/5 * * * *"));
        Assert.That((await Client.CoreV1.ReadNamespacedPersistentVolumeClaimAsync("sample", Ns)).Spec.AccessModes, Is.EqualTo(new[] { "ReadWriteOnce" }));
        Assert.That((await Client.NetworkingV1.ReadNamespacedIngressAsync("sample", Ns)).Spec.IngressClassName, Is.EqualTo("nginx"));
        Assert.That((await Client.NetworkingV1.ListIngressClassAsync()).Items, Has.Count.EqualTo(1));
        Assert.That((await Client.NetworkingV1.ListNamespacedNetworkPolicyAsync(Ns)).Items, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task AutoscalingAndPolicy_TypedClients_RoundTripBothHpaVersions()
    {
        await Client.AutoscalingV1.CreateNamespacedHorizontalPodAutoscalerAsync(new V1HorizontalPodAutoscaler
        {
            Metadata = Meta(),
            Spec = new V1HorizontalPodAutoscalerSpec { ScaleTargetRef = new V1CrossVersionObjectReference { ApiVersion = "apps/v1", Kind = "Deployment", Name = "web" }, MinReplicas = 1, MaxReplicas = 4, TargetCPUUtilizationPercentage = 70 },
        }, Ns);
        await Client.PolicyV1.CreateNamespacedPodDisruptionBudgetAsync(new V1PodDisruptionBudget { Metadata = Meta(), Spec = new V1PodDisruptionBudgetSpec { MinAvailable = (IntOrString)"1", Selector = Selector } }, Ns);

        var v2 = await Client.AutoscalingV2.ReadNamespacedHorizontalPodAutoscalerAsync("sample", Ns);
        var pdb = await Client.PolicyV1.ReadNamespacedPodDisruptionBudgetAsync("sample", Ns);

        Assert.That(v2.Spec.MaxReplicas, Is.EqualTo(4));
        Assert.That(v2.Spec.Metrics[0].Resource.Target.AverageUtilization, Is.EqualTo(70));
        Assert.That(pdb.Spec.MinAvailable.Value, Is.EqualTo("1"));
    }

    [Test]
    public async Task Rbac_TypedClients_CreateListDelete()
    {
        var rule = new V1PolicyRule { ApiGroups = [""], Resources = ["configmaps"], Verbs = ["get"] };
        await Client.RbacAuthorizationV1.CreateNamespacedRoleAsync(new V1Role { Metadata = Meta("r"), Rules = [rule] }, Ns);
        await Client.RbacAuthorizationV1.CreateClusterRoleAsync(new V1ClusterRole { Metadata = Meta("cr"), Rules = [rule] });
        await Client.RbacAuthorizationV1.CreateNamespacedRoleBindingAsync(new V1RoleBinding { Metadata = Meta("rb"), RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "Role", Name = "r" }, Subjects = [new Rbacv1Subject { Kind = "ServiceAccount", Name = "default", NamespaceProperty = Ns }] }, Ns);
        await Client.RbacAuthorizationV1.CreateClusterRoleBindingAsync(new V1ClusterRoleBinding { Metadata = Meta("crb"), RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "ClusterRole", Name = "cr" } });

        Assert.That((await Client.RbacAuthorizationV1.ListNamespacedRoleAsync(Ns)).Items.Single().Rules[0].Verbs, Is.EqualTo(new[] { "get" }));
        Assert.That((await Client.RbacAuthorizationV1.ListClusterRoleAsync()).Items, Has.Count.EqualTo(1));
        Assert.That((await Client.RbacAuthorizationV1.ReadNamespacedRoleBindingAsync("rb", Ns)).RoleRef.Name, Is.EqualTo("r"));
        await Client.RbacAuthorizationV1.DeleteClusterRoleBindingAsync("crb");
        Assert.That((await Client.RbacAuthorizationV1.ListClusterRoleBindingAsync()).Items, Is.Empty);
    }

    [Test]
    public async Task SelfSubjectReviews_TypedClient_Allowed()
    {
        var access = await Client.AuthorizationV1.CreateSelfSubjectAccessReviewAsync(new V1SelfSubjectAccessReview
        {
            Spec = new V1SelfSubjectAccessReviewSpec { ResourceAttributes = new V1ResourceAttributes { Verb = "delete", Resource = "secrets", NamespaceProperty = Ns } },
        });
        var rules = await Client.AuthorizationV1.CreateSelfSubjectRulesReviewAsync(new V1SelfSubjectRulesReview { Spec = new V1SelfSubjectRulesReviewSpec { NamespaceProperty = Ns } });
        var (listCode, _, _) = await Server.SendAsync(HttpMethod.Get, "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews");

        Assert.That(access.Status.Allowed, Is.True);
        Assert.That(access.Spec.ResourceAttributes.Resource, Is.EqualTo("secrets"));
        Assert.That(rules.Status.ResourceRules[0].Verbs, Is.EqualTo(new[] { "*" }));
        Assert.That(listCode, Is.EqualTo(405), "reviews are created, never listed");
    }

    [Test]
    public async Task WatchNewKind_TypedClient_SeesAddedAndDeleted()
    {
        var events = new List<(WatchEventType, string)>();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var watching = Task.Run(async () =>
        {
            await foreach (var (type, item) in Client.AppsV1.WatchListNamespacedStatefulSetAsync(Ns, cancellationToken: cts.Token))
            {
                events.Add((type, item.Name()));
                if (type == WatchEventType.Deleted)
                {
                    return;
                }
            }
        });

        await Eventually.TrueAsync(async () =>
        {
            await Client.AppsV1.CreateNamespacedStatefulSetAsync(new V1StatefulSet { Metadata = Meta("w" + Guid.NewGuid().ToString("N")[..6]), Spec = new V1StatefulSetSpec { ServiceName = "s", Selector = Selector, Template = Template } }, Ns);
            return events.Count > 0;
        }, TimeSpan.FromSeconds(10));
        var first = events[0].Item2;
        await Client.AppsV1.DeleteNamespacedStatefulSetAsync(first, Ns);
        await watching.WaitAsync(cts.Token);

        Assert.That(events, Does.Contain((WatchEventType.Added, first)).And.Contain((WatchEventType.Deleted, first)));
    }
}
