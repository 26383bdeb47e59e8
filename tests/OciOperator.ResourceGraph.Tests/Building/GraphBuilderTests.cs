using System.Text.Json.Nodes;
using OciOperator.ResourceGraph.Building;
using OciOperator.ResourceGraph.Graph;
using OciOperator.ResourceGraph.Tests.Support;
using static OciOperator.ResourceGraph.Tests.Building.BadRgd.BadRgdCase;

namespace OciOperator.ResourceGraph.Tests.Building;

/// <summary>Valid RGDs: what the compiled graph holds (order, dependencies, types, status schema).</summary>
public sealed class GraphBuilderTests
{
    private static GraphBuildResult Build(JsonObject rgd, GraphBuildOptions? options = null) =>
        new GraphBuilder(TestKinds.Catalog(withDbSystem: false), options).Build(rgd);

    private static CompiledGraph Compiled(JsonObject rgd, GraphBuildOptions? options = null)
    {
        var result = Build(rgd, options);
        Assert.That(result.Errors, Is.Empty, result.Message);
        Assert.That(result.Outcome, Is.EqualTo(GraphBuildOutcome.Compiled));
        return result.Graph!;
    }

    [Test]
    public void Build_Dependencies_OrderedWithListOrderBreakingTies()
    {
        var graph = Compiled(Rgd(
            Widget("app", "name: ${config.spec.name}\nreplicas: ${db.spec.replicas}") + "\n"
            + Widget("db", "name: ${config.metadata.name}") + "\n"
            + Widget("free") + "\n"
            + Widget("config")));

        Assert.That(graph.TopologicalOrder, Is.EqualTo(new[] { "free", "config", "db", "app" }));
        Assert.That(graph.Node("app").Dependencies, Is.EqualTo(new[] { "db", "config" }), "dependencies in list order");
        Assert.That(graph.DeletionLayers.Select(l => string.Join(",", l)), Is.EqualTo(new[] { "app,free", "db", "config" }));
    }

    [Test]
    public void Build_IncludeWhenAndForEachReferences_AreDependencies()
    {
        var graph = Compiled(Rgd(
            Widget("a", extra: "includeWhen: ['${b.spec.enabled}']") + "\n"
            + Widget("b") + "\n"
            + Widget("c", name: "${x}", extra: "forEach:\n  - x: '${b.spec.tags}'")));

        Assert.That(graph.TopologicalOrder, Is.EqualTo(new[] { "b", "a", "c" }));
        Assert.That(graph.Node("c").ForEach.Single().Expression.ResultType.ToString(), Is.EqualTo("list(string)"));
    }

    [Test]
    public void Build_ReadyWhenAndStatusReferences_AreNotDependencies()
    {
        var graph = Compiled(Rgd(Widget("a", extra: "readyWhen: ['${a.status.ready}']") + "\n" + Widget("b"),
            StatusSchema("address: ${a.status.address}")));

        Assert.That(graph.Node("a").Dependencies, Is.Empty);
        Assert.That(graph.Node("b").Dependencies, Is.Empty);
        Assert.That(graph.StatusFields.Single().Expression.References, Is.EqualTo(new[] { "a" }));
    }

    [Test]
    public void Build_EngineOnlyReservesItsOwnKeys_KroRunAfterAnnotationsAccepted()
    {
        // Upstream kro rejects every kro.run/ annotation on a template ("annotations with prefix "kro.run/" are reserved
        // for internal use"), so it rejects the seed RGD. We reserve only the keys the engine writes (design: "Do better").
        var rgd = Rgd("""
            - id: w
              template:
                apiVersion: test.kro.dev/v1
                kind: Widget
                metadata:
                  name: a
                  annotations: {kro.run/after-db-init: '${schema.spec.name}'}
                  labels: {kro.run/tier: web}
            """);

        Assert.That(Build(rgd).Outcome, Is.EqualTo(GraphBuildOutcome.Compiled));
    }

    [Test]
    public void Build_StatusFields_TypesInferredIntoInstanceCrd()
    {
        var graph = Compiled(Rgd(Widget("w"), StatusSchema("""
            address: ${w.status.address}
            ready: ${w.status.ready}
            count: ${w.status.count}
            ratio: ${double(w.status.count) / 2.0}
            endpoints: ${w.status.endpoints}
            summary: 'at ${w.status.address}'
            nested:
              name: ${schema.spec.name}
            anything: ${w.spec.config}
            """)));

        var status = graph.InstanceCrd()["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!["properties"]!["status"]!["properties"]!;
        Assert.That(JsonText.Canonical(status["address"]), Is.EqualTo("""{"type":"string"}"""));
        Assert.That(JsonText.Canonical(status["ready"]), Is.EqualTo("""{"type":"boolean"}"""));
        Assert.That(JsonText.Canonical(status["count"]), Is.EqualTo("""{"type":"integer"}"""));
        Assert.That(JsonText.Canonical(status["ratio"]), Is.EqualTo("""{"type":"number"}"""));
        Assert.That(JsonText.Canonical(status["endpoints"]), Is.EqualTo("""{"items":{"type":"string"},"type":"array"}"""));
        Assert.That(JsonText.Canonical(status["summary"]), Is.EqualTo("""{"type":"string"}"""));
        Assert.That(JsonText.Canonical(status["nested"]), Is.EqualTo("""{"properties":{"name":{"type":"string"}},"type":"object"}"""));
        Assert.That(JsonText.Canonical(status["anything"]), Is.EqualTo("""{"additionalProperties":{"x-kubernetes-preserve-unknown-fields":true},"type":"object"}"""));
        Assert.That(status["state"], Is.Not.Null, "kro's reserved state stays");
    }

    [Test]
    public void Build_KindWithoutCrd_WaitsForTheCrd()
    {
        var result = Build(Rgd("- id: db\n  template: {apiVersion: mysql.oracle.com/v1beta1, kind: DbSystem, metadata: {name: a}}"));

        Assert.That(result.Outcome, Is.EqualTo(GraphBuildOutcome.WaitingForCrds));
        Assert.That(result.Errors, Is.Empty);
        Assert.That(result.WaitingFor.Single(), Does.Contain("resource \"db\"").And.Contain("waiting for CRD of kind DbSystem in group mysql.oracle.com"));
    }

    [Test]
    public void Build_KindWithoutCrdAndAnError_IsInvalid()
    {
        var result = Build(Rgd("- id: db\n  template: {apiVersion: mysql.oracle.com/v1beta1, kind: DbSystem, metadata: {name: '${nope}'}}"));

        Assert.That(result.Outcome, Is.EqualTo(GraphBuildOutcome.Invalid));
    }

    [Test]
    public void Build_OmitWithFeatureGate_Compiles()
    {
        var rgd = Rgd(Widget("w", "name: '${schema.spec.name == \"\" ? omit() : schema.spec.name}'"));

        Assert.That(Build(rgd).Outcome, Is.EqualTo(GraphBuildOutcome.Invalid));
        Assert.That(Build(rgd, new GraphBuildOptions { EnableOmit = true }).Outcome, Is.EqualTo(GraphBuildOutcome.Compiled));
    }

    [Test]
    public void Build_CollectionAndSelector_AreListsToOthers()
    {
        var graph = Compiled(Rgd(
            Widget("many", name: "${schema.metadata.name + '-' + tag}", extra: "forEach:\n  - tag: '${schema.spec.tags}'\nreadyWhen: ['${each.status.ready}']") + "\n"
            + "- id: found\n  externalRef: {apiVersion: test.kro.dev/v1, kind: Widget, metadata: {selector: {matchLabels: {app: '${schema.spec.name}'}}}}\n"
            + Widget("sum", "replicas: ${size(many) + size(found)}")));

        Assert.That(graph.Node("sum").Dependencies, Is.EqualTo(new[] { "many", "found" }));
        Assert.That(graph.Node("found").Kind, Is.EqualTo(NodeKind.ExternalRefSelector));
    }

    [Test]
    public void Build_StructuredValues_CompatibleStructsAccepted()
    {
        var graph = Compiled(Rgd(Widget("a") + "\n" + Widget("b", "ref: '${{\"name\": a.metadata.name, \"key\": \"k\"}}'\nlabels: ${a.metadata.labels}\nitems: ${a.spec.items}\nport: ${a.spec.replicas}")));

        Assert.That(graph.Node("b").Fields.Select(f => f.Path.ToString()), Is.SupersetOf(new[] { "spec.ref", "spec.labels", "spec.items", "spec.port" }));
    }

    [Test]
    public void Build_SchemaVariable_HasMetadataAndSpecTypes()
    {
        var graph = Compiled(Rgd(Widget("w", "name: ${schema.metadata.namespace + schema.kind}\nreplicas: ${schema.metadata.generation}\ntags: ${schema.spec.tags}")));

        Assert.That(graph.VariableTypes["schema"].Fields!.Keys, Is.EquivalentTo(new[] { "apiVersion", "kind", "metadata", "spec" }));
    }

    [Test]
    public void Build_CompiledGraph_IsIsolatedFromTheInput()
    {
        var rgd = Rgd(Widget("w"));
        var graph = Compiled(rgd);
        rgd["spec"]!["resources"]![0]!["template"]!["spec"]!["name"] = "changed";

        Assert.That(graph.Node("w").Template["spec"]!["name"]!.GetValue<string>(), Is.EqualTo("${schema.spec.name}"));
    }

    [Test]
    public void Build_SeveralBadResources_ReportsAllInListOrder()
    {
        var result = Build(Rgd(Widget("a", "replicas: x") + "\n" + Widget("b", "name: ${ghost}") + "\n" + Widget("c", "nope: 1")));

        Assert.That(result.Errors.Select(e => e.ResourceId).Distinct(), Is.EqualTo(new[] { "a", "b", "c" }));
        Assert.That(result.Errors, Has.Count.EqualTo(3));
    }

    [Test]
    public void Build_CrdReplaced_SameBuilderUsesTheNewSchema()
    {
        var catalog = TestKinds.Catalog(withDbSystem: false);
        var builder = new GraphBuilder(catalog);
        var rgd = Rgd(Widget("w", "name: ${schema.spec.name}"));
        Assert.That(builder.Build(rgd).Outcome, Is.EqualTo(GraphBuildOutcome.Compiled));

        var crd = Sandbox.Kube.Serialization.YamlToJson.Parse(TestKinds.WidgetCrd)!.AsObject();
        crd["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!["properties"]!["spec"]!["properties"]!.AsObject().Remove("name");
        Assert.That(catalog.Add(crd), Is.Null);

        var result = builder.Build(rgd);
        Assert.That(result.Errors.Single().Message, Does.Contain("schema not found for field name"));
    }
}
