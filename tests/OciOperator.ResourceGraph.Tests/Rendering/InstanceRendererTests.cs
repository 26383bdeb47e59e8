using System.Text.Json.Nodes;
using OciOperator.ResourceGraph.Building;
using OciOperator.ResourceGraph.Graph;
using OciOperator.ResourceGraph.Rendering;
using OciOperator.ResourceGraph.Tests.Support;
using OciOperator.Sandbox.Kube.Serialization;
using static OciOperator.ResourceGraph.Tests.Building.BadRgd.BadRgdCase;

namespace OciOperator.ResourceGraph.Tests.Rendering;

public sealed class InstanceRendererTests
{
    private static CompiledGraph Compile(JsonObject rgd, GraphBuildOptions? options = null)
    {
        var result = new GraphBuilder(TestKinds.Catalog(withDbSystem: false), options).Build(rgd);
        Assert.That(result.Errors, Is.Empty, result.Message);
        return result.Graph!;
    }

    private static JsonObject Instance(string spec = "{}") =>
        YamlToJson.Parse($"apiVersion: kro.run/v1alpha1\nkind: TestApp\nmetadata: {{name: demo}}\nspec: {spec}")!.AsObject();

    [Test]
    public void Render_SchemaValues_ResolvedWithDefaults()
    {
        var graph = Compile(Rgd(Widget("w", "name: ${schema.spec.name}\nreplicas: ${schema.spec.replicas + 1}\ntags: ${schema.spec.tags}")));

        var result = InstanceRenderer.Render(graph, Instance("{tags: [a]}"));

        var w = result.Resources.Single();
        Assert.That(w.State, Is.EqualTo(RenderState.Rendered), string.Join("; ", w.Waiting));
        Assert.That(JsonText.Canonical(w.Object),
            Is.EqualTo(JsonText.Of("{apiVersion: test.kro.dev/v1, kind: Widget, metadata: {name: demo-w}, spec: {name: app, replicas: 2, tags: [a]}}")));
        Assert.That(result.Instance["metadata"]!["namespace"]!.GetValue<string>(), Is.EqualTo("default"));
    }

    [Test]
    public void Render_ReadsRenderedDependency_AndMarksClusterValuesPending()
    {
        var graph = Compile(Rgd(Widget("a") + "\n" + Widget("b", "name: ${a.metadata.name}\nenabled: ${a.status.ready}"), StatusSchema("address: ${a.status.address}\nname: ${b.spec.name}")));

        var result = InstanceRenderer.Render(graph, Instance());

        var b = result.Resources.Single(r => r.Id == "b");
        Assert.That(b.State, Is.EqualTo(RenderState.Pending));
        Assert.That(b.Object!["spec"]!["name"]!.GetValue<string>(), Is.EqualTo("demo-a"));
        Assert.That(b.Object["spec"]!["enabled"]!.GetValue<string>(), Is.EqualTo("${a.status.ready}"));
        Assert.That(b.Waiting.Single(), Does.StartWith("spec.enabled: ${a.status.ready} waits on a cluster value"));
        Assert.That(result.Status["name"]!.GetValue<string>(), Is.EqualTo("demo-a"));
        Assert.That(result.StatusWaiting.Single(), Does.StartWith("status.address"));
    }

    [Test]
    public void Render_IncludeWhenFalse_ExcludesResourceAndDependents()
    {
        var graph = Compile(Rgd(Widget("a", extra: "includeWhen: ['${schema.spec.enabled == false}']") + "\n" + Widget("b", "name: ${a.metadata.name}") + "\n" + Widget("c")));

        var result = InstanceRenderer.Render(graph, Instance());

        Assert.That(result.Resources.Select(r => (r.Id, r.State)),
            Is.EqualTo(new[] { ("a", RenderState.Excluded), ("b", RenderState.Excluded), ("c", RenderState.Rendered) }));
    }

    [Test]
    public void Render_ForEach_OneObjectPerCombination()
    {
        var graph = Compile(Rgd(Widget("w", "name: ${t + '/' + string(n)}", name: "${schema.metadata.name + '-' + t + '-' + string(n)}",
            extra: "forEach:\n  - t: '${schema.spec.tags}'\n  - n: '${[1, 2]}'")));

        var result = InstanceRenderer.Render(graph, Instance("{tags: [x, y]}"));

        Assert.That(result.Resources.Select(r => r.Object!["metadata"]!["name"]!.GetValue<string>()),
            Is.EqualTo(new[] { "demo-x-1", "demo-x-2", "demo-y-1", "demo-y-2" }));
    }

    [Test]
    public void Render_Omit_RemovesTheField()
    {
        var graph = Compile(Rgd(Widget("w", "name: '${schema.spec.name == \"app\" ? omit() : schema.spec.name}'\nreplicas: 3")), new GraphBuildOptions { EnableOmit = true });

        var rendered = InstanceRenderer.Render(graph, Instance()).Resources.Single().Object!;

        Assert.That(rendered["spec"]!.AsObject().ContainsKey("name"), Is.False);
        Assert.That(rendered["spec"]!["replicas"]!.GetValue<long>(), Is.EqualTo(3));
    }

    [Test]
    public void Render_ExternalRef_IsPending()
    {
        var graph = Compile(Rgd("- id: ext\n  externalRef: {apiVersion: test.kro.dev/v1, kind: Widget, metadata: {name: '${schema.spec.name}'}}\n" + Widget("w", "name: ${ext.spec.name}")));

        var result = InstanceRenderer.Render(graph, Instance());

        Assert.That(result.Resources.Select(r => r.State), Is.EqualTo(new[] { RenderState.Pending, RenderState.Pending }));
        Assert.That(result.Resources[0].Object!["metadata"]!["name"]!.GetValue<string>(), Is.EqualTo("app"));
        Assert.That(result.Resources[1].Waiting.Single(), Does.Contain("reads external object ext"));
    }
}
