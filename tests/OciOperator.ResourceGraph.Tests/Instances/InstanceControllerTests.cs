using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using OciOperator.ResourceGraph.Building;
using OciOperator.ResourceGraph.Instances;
using OciOperator.ResourceGraph.Tests.Support;
using OciOperator.Runtime.Client;
using OciOperator.Runtime.Reconciliation;
using OciOperator.Sandbox.Kube.Serialization;
using OciOperator.Sandbox.Kube.Simulators;

namespace OciOperator.ResourceGraph.Tests.Instances;

/// <summary>The dynamic controller of one RGD kind, event-driven, against the Sandbox with the workload simulators.</summary>
public sealed class InstanceControllerTests
{
    private static readonly ResourceType Services = new(string.Empty, "v1", "Service", "services");

    [Test]
    public async Task Controller_InstanceCreatedThenDeleted_ConvergesAndCleansUpWithoutManualReconciles()
    {
        await using var cluster = await KubeTestServer.StartAsync();
        await using var simulators = WorkloadSimulators.Start(cluster.Server.BaseAddress, new SimulatorOptions
        {
            DeploymentRolloutDelay = TimeSpan.FromMilliseconds(50),
            LoadBalancerDelay = TimeSpan.FromMilliseconds(50),
            LoadBalancerAddressPool = "203.0.113.0/29",
        });
        var result = new GraphBuilder(TestKinds.WithBuiltIns()).Build(YamlToJson.Parse(InstanceReconcilerTests.WebAppRgd)!.AsObject());
        Assert.That(result.Errors, Is.Empty, result.Message);
        using (var crd = await cluster.Http.PostAsJsonAsync(cluster.Url("/apis/apiextensions.k8s.io/v1/customresourcedefinitions"), result.Graph!.InstanceCrd()))
        {
            Assert.That(crd.IsSuccessStatusCode, await crd.Content.ReadAsStringAsync());
        }

        var kube = new KubeApiClient(cluster.Client);
        var api = new KubeChildApi(kube, TimeProvider.System);
        await Eventually.WaitAsync(async () => (await cluster.Http.GetAsync(cluster.Url("/apis/kro.run/v1alpha1/webapps"))).IsSuccessStatusCode, "the WebApp CRD to be served");
        await using var controller = new InstanceController(result.Graph!, kube, api, NamingResourceMapper.Map, TimeProvider.System, NullLoggerFactory.Instance);
        controller.Start();

        var body = YamlToJson.Parse("{apiVersion: kro.run/v1alpha1, kind: WebApp, metadata: {name: shop, namespace: default}, spec: {}}");
        using (var created = await cluster.Http.PostAsJsonAsync(cluster.Url("/apis/kro.run/v1alpha1/namespaces/default/webapps"), body))
        {
            Assert.That(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        }

        var active = await Eventually.UntilAsync(() => api.GetAsync(controller.InstanceType, "default", "shop", CancellationToken.None),
            i => i?["status"]?["state"]?.GetValue<string>() == "ACTIVE", "the instance to become ACTIVE", TimeSpan.FromSeconds(20));
        Assert.That(active!["status"]!["ip"]!.GetValue<string>(), Does.StartWith("203.0.113."));

        await cluster.Http.DeleteAsync(cluster.Url("/apis/kro.run/v1alpha1/namespaces/default/webapps/shop"));
        await Eventually.WaitAsync(async () => await api.GetAsync(controller.InstanceType, "default", "shop", CancellationToken.None) is null, "the instance to be gone", TimeSpan.FromSeconds(20));
        Assert.That(await api.GetAsync(Services, "default", "shop", CancellationToken.None), Is.Null);
    }
}
