using System.Text.Json.Nodes;
using OciOperator.ResourceGraph.Instances;
using OciOperator.ResourceGraph.Tests.Support;
using OciOperator.Runtime.Reconciliation;
using static OciOperator.ResourceGraph.Tests.Support.InstanceHarness;
using static OciOperator.ResourceGraph.Tests.Support.ScenarioRgd;

namespace OciOperator.ResourceGraph.Tests.Instances.Scenarios;

/// <summary>
/// <c>resources[].externalFields</c> (kro v0.10) with the Sandbox's HPA controller, which scales a Deployment through
/// <c>/scale</c>: kro creates the Deployment with the template's replicas, the HPA raises them to its minimum, and
/// kro's later applies (here an image change) leave the HPA's replicas alone — no fight, no extra generations.
/// </summary>
[Parallelizable(ParallelScope.Children)]
public sealed class ExternalFieldsScenarioTests
{
    private static readonly ResourceType Deployments = new("apps", "v1", "Deployment", "deployments");

    [Test]
    public async Task Controller_HpaScalesExternalReplicas_KroKeepsApplyingTheRestWithoutFighting()
    {
        var rgd = Of("scaled", "Scaled", "image: string | default=\"nginx:1\"", """
            - id: app
              externalFields: [spec.replicas]
              template:
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: '${schema.metadata.name}'}
                spec:
                  replicas: 1
                  selector: {matchLabels: {app: '${schema.metadata.name}'}}
                  template:
                    metadata: {labels: {app: '${schema.metadata.name}'}}
                    spec: {containers: [{name: app, image: '${schema.spec.image}'}]}
            - id: hpa
              template:
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata: {name: '${schema.metadata.name}'}
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: '${app.metadata.name}'}
                  minReplicas: 3
                  maxReplicas: 5
            """);
        await using var h = await InstanceHarness.StartAsync(simulators: true);
        var served = await h.ServeAsync(rgd);
        await h.CreateAsync(served.Type, Instance("Scaled", "web"));
        var scaled = await h.WaitAsync(Deployments, "default", "web", d => Replicas(d) == 3, "the HPA to scale the Deployment to its minimum");
        var generation = Generation(scaled);

        await h.PatchAsync(served.Type, "default", "web", "{spec: {image: 'nginx:2'}}");

        var updated = await h.WaitAsync(Deployments, "default", "web", d => Image(d) == "nginx:2", "kro to apply the image change");
        Assert.That(Replicas(updated), Is.EqualTo(3), "kro's apply left the HPA's replicas alone");
        Assert.That(Generation(updated), Is.EqualTo(generation + 1), "one spec change (the image); no reset of replicas and no re-scale");
        var owners = (updated!["metadata"]!["managedFields"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(f => f["fieldsV1"]?["f:spec"]?["f:replicas"] is not null).Select(f => f["manager"]!.GetValue<string>()).ToList();
        Assert.That(owners, Is.Not.Empty.And.Not.Contain(KroMetadata.FieldManager), "spec.replicas is the HPA's now");
        Assert.That(h.Logs.Lines, Has.Some.Contain("Deployment default/web: external field spec.replicas is owned by another field manager"));
    }

    private static long? Replicas(JsonObject? d) => d?["spec"]?["replicas"]?.GetValue<long>();

    private static long Generation(JsonObject? d) => d!["metadata"]!["generation"]!.GetValue<long>();

    private static string? Image(JsonObject? d) => d?["spec"]?["template"]?["spec"]?["containers"]?[0]?["image"]?.GetValue<string>();
}
