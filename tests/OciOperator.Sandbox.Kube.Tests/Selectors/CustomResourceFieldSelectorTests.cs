using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using OciOperator.Sandbox.Kube.Tests.Support;

namespace OciOperator.Sandbox.Kube.Tests.Selectors;

/// <summary>CRD <c>spec.versions[].selectableFields</c> (GA in 1.32) become field labels of the custom resource.</summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class CustomResourceFieldSelectorTests : KubeServerTest
{
    private const string Crd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: gadgets.example.com}
        spec:
          group: example.com
          scope: Namespaced
          names: {plural: gadgets, singular: gadget, kind: Gadget}
          versions:
          - name: v1
            served: true
            storage: true
            selectableFields:
            - jsonPath: .spec.color
            - jsonPath: .spec.size
            - jsonPath: .spec.enabled
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
                    type: object
                    properties:
                      color: {type: string}
                      size: {type: integer}
                      enabled: {type: boolean}
                      note: {type: string}
        """;

    protected override async Task OnServerStartedAsync()
    {
        await Client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(KubernetesYaml.Deserialize<V1CustomResourceDefinition>(Crd));
        await CreateAsync("a", new JsonObject { ["color"] = "red", ["size"] = 3, ["enabled"] = true });
        await CreateAsync("b", new JsonObject { ["color"] = "blue", ["size"] = 5, ["enabled"] = false });
        await CreateAsync("c", new JsonObject { ["note"] = "no selectable values" });
    }


    private Task<object> CreateAsync(string name, JsonObject spec) =>
        Client.CustomObjects.CreateNamespacedCustomObjectAsync(
            new JsonObject { ["apiVersion"] = "example.com/v1", ["kind"] = "Gadget", ["metadata"] = new JsonObject { ["name"] = name }, ["spec"] = spec },
            "example.com", "v1", "default", "gadgets");

    [TestCase("spec.color=red", new[] { "a" }, TestName = "SelectableField_String")]
    [TestCase("spec.size=5", new[] { "b" }, TestName = "SelectableField_Integer")]
    [TestCase("spec.enabled=false", new[] { "b" }, TestName = "SelectableField_Boolean")]
    [TestCase("spec.color=", new[] { "c" }, TestName = "SelectableField_AbsentReadsEmpty")]
    [TestCase("spec.color!=red,metadata.name!=c", new[] { "b" }, TestName = "SelectableField_NotEqualsWithMetadata")]
    public async Task List_SelectableField_ReturnsMatches(string selector, string[] expected)
    {
        var (code, list, _) = await Server.SendAsync(HttpMethod.Get, "/apis/example.com/v1/namespaces/default/gadgets?fieldSelector=" + Uri.EscapeDataString(selector));

        Assert.That(code, Is.EqualTo(200), list?.ToJsonString());
        Assert.That(list!["items"]!.AsArray().Select(i => i!["metadata"]!["name"]!.GetValue<string>()), Is.EqualTo(expected));
    }

    [Test]
    public async Task List_UndeclaredField_400()
    {
        var (code, status, _) = await Server.SendAsync(HttpMethod.Get, "/apis/example.com/v1/namespaces/default/gadgets?fieldSelector=spec.note%3Dx");

        Assert.That(code, Is.EqualTo(400));
        Assert.That(status!["message"]!.GetValue<string>(), Does.StartWith("\"spec.note\" is not a known field selector"));
    }

    [Test]
    public async Task Watch_SelectableField_OnlyMatchingObjects()
    {
        var (_, list, _) = await Server.SendAsync(HttpMethod.Get, "/apis/example.com/v1/namespaces/default/gadgets");
        var rv = list!["metadata"]!["resourceVersion"]!.GetValue<string>();
        await using var watch = await WatchLines.OpenAsync(Server, $"/apis/example.com/v1/namespaces/default/gadgets?watch=true&resourceVersion={rv}&fieldSelector=spec.color%3Dgreen");

        await CreateAsync("d", new JsonObject { ["color"] = "red" });
        await CreateAsync("e", new JsonObject { ["color"] = "green" });
        var added = await watch.NextAsync();

        Assert.That(added!["type"]!.GetValue<string>(), Is.EqualTo("ADDED"));
        Assert.That(added["object"]!["metadata"]!["name"]!.GetValue<string>(), Is.EqualTo("e"));
    }
}
