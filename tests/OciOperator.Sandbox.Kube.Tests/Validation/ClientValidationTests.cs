using System.Net;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using OciOperator.Sandbox.Kube.Tests.Support;

namespace OciOperator.Sandbox.Kube.Tests.Validation;

/// <summary>
/// The real KubernetesClient sees CRD rule failures and built-in validation failures as the apiserver's Status: 422
/// Invalid with one cause per error (reason, field, message), and a CRD with a bad rule is refused.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class ClientValidationTests : KubeServerTest
{
    private static JsonObject Widget(string name, JsonObject spec) => new()
    {
        ["apiVersion"] = "rules.example.com/v1",
        ["kind"] = "Widget",
        ["metadata"] = new JsonObject { ["name"] = name },
        ["spec"] = spec,
    };

    private async Task InstallCrdAsync() =>
        await Client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(KubernetesYaml.Deserialize<V1CustomResourceDefinition>(RuleTestManifests.Crd));

    [Test]
    public async Task CreateCustomObject_RulesFalse_InvalidWithCauses()
    {
        await InstallCrdAsync();
        var widget = Widget("w-c", new JsonObject { ["externalRef"] = new JsonObject { ["name"] = "db" }, ["owner"] = "root", ["size"] = "5Mi" });

        var status = await ApiAssert.FailsAsync(() => Client.CustomObjects.CreateNamespacedCustomObjectAsync(widget, "rules.example.com", "v1", "default", "widgets"), (HttpStatusCode)422);

        Assert.That(status["reason"]?.ToString(), Is.EqualTo("Invalid"));
        var causes = status["details"]!["causes"]!.AsArray().Select(c => (c!["reason"]!.ToString(), c["field"]!.ToString(), c["message"]!.ToString())).ToList();
        Assert.That(causes, Is.EquivalentTo(new[]
        {
            ("FieldValueForbidden", "spec.owner", "Forbidden: root may not own widgets"),
            ("FieldValueInvalid", "spec.size", "Invalid value: \"5Mi\": size must be in Gi"),
            ("FieldValueInvalid", "spec.size", "Invalid value: \"5Mi\": size must be at least 1Gi"),
        }), status.ToJsonString());
    }

    [Test]
    public async Task ReplaceCustomObject_ImmutableFieldChanged_Invalid()
    {
        await InstallCrdAsync();
        var created = await Client.CustomObjects.CreateNamespacedCustomObjectAsync(
            Widget("w-r", new JsonObject { ["externalRef"] = new JsonObject { ["name"] = "db" }, ["kind"] = "Database" }), "rules.example.com", "v1", "default", "widgets");
        var changed = JsonNode.Parse(KubernetesJson.Serialize(created))!.AsObject();
        changed["spec"]!["kind"] = "Cache";

        var status = await ApiAssert.FailsAsync(() => Client.CustomObjects.ReplaceNamespacedCustomObjectAsync(changed, "rules.example.com", "v1", "default", "widgets", "w-r"), (HttpStatusCode)422);

        Assert.That(status["message"]?.ToString(), Is.EqualTo("Widget.rules.example.com \"w-r\" is invalid: spec.kind: Invalid value: \"Cache\": kind is immutable"));
    }

    [Test]
    public async Task CreateCrd_RuleDoesNotCompile_Invalid()
    {
        var crd = KubernetesYaml.Deserialize<V1CustomResourceDefinition>(RuleTestManifests.CrdWithSpecSchema("type: object\nproperties:\n  a: {type: integer}\nx-kubernetes-validations:\n- rule: \"self.nope > 1\"\n"));

        var status = await ApiAssert.FailsAsync(() => Client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(crd), (HttpStatusCode)422);

        var cause = status["details"]!["causes"]![0]!;
        Assert.That(cause["field"]?.ToString(), Is.EqualTo("spec.validation.openAPIV3Schema.properties[spec].x-kubernetes-validations[0].rule"));
        Assert.That(cause["message"]?.ToString(), Does.Contain("compilation failed: ERROR: <input>:1:5: "));
    }

    [Test]
    public async Task CreateDeployment_NoSelectorAndNoImage_InvalidWithCauses()
    {
        var deployment = new V1Deployment
        {
            Metadata = new V1ObjectMeta { Name = "web" },
            Spec = new V1DeploymentSpec
            {
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = "web" } },
                    Spec = new V1PodSpec { Containers = [new V1Container { Name = "web" }] },
                },
            },
        };

        var status = await ApiAssert.FailsAsync(() => Client.AppsV1.CreateNamespacedDeploymentAsync(deployment, "default"), (HttpStatusCode)422);

        var fields = status["details"]!["causes"]!.AsArray().Select(c => c!["field"]!.ToString()).ToList();
        Assert.That(fields, Is.EquivalentTo(new[] { "spec.selector", "spec.template.metadata.labels", "spec.template.spec.containers[0].image" }));
    }

    [Test]
    public async Task CreateConfigMap_UnknownFieldStrict_BadRequest()
    {
        var body = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "ConfigMap", ["metadata"] = new JsonObject { ["name"] = "cm" }, ["extra"] = 1 };
        using var content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

        using var response = await Server.Http.PostAsync(Server.Url("/api/v1/namespaces/default/configmaps?fieldValidation=Strict"), content);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("strict decoding error: unknown field \\\"extra\\\""));
    }

    [Test]
    public async Task CreateService_ValidPorts_Accepted()
    {
        var service = new V1Service
        {
            Metadata = new V1ObjectMeta { Name = "svc" },
            Spec = new V1ServiceSpec { Type = "NodePort", Ports = [new V1ServicePort { Name = "http", Port = 80, NodePort = 30080 }] },
        };

        var created = await Client.CoreV1.CreateNamespacedServiceAsync(service, "default");

        Assert.That(created.Spec.Ports[0].NodePort, Is.EqualTo(30080));
    }
}
