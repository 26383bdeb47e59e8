using OciOperator.ResourceGraph.Api;
using OciOperator.ResourceGraph.Building;
using OciOperator.ResourceGraph.Tests.Support;

namespace OciOperator.ResourceGraph.Tests.Building;

/// <summary>kro v0.10's lifecycle fields reach the compiled graph; nameValidation reaches the instance CRD.</summary>
public sealed class LifecycleFieldsTests
{
    private static readonly GraphBuilder Builder = new(TestKinds.Catalog(withDbSystem: false));

    [Test]
    public void Build_DeletionPolicyAndExternalFields_CarriedOnCompiledNodes()
    {
        var rgd = RgdText.Rgd(
            RgdText.Widget("kept", "name: a\nreplicas: 3\nref: {name: r, key: k}", "deletionPolicy: Orphaned\nexternalFields: [spec.replicas, spec.ref]") + "\n"
            + RgdText.Widget("plain", "name: b", "deletionPolicy: Delete", "${schema.metadata.name}-b") + "\n"
            + RgdText.Widget("unset", "name: c", name: "${schema.metadata.name}-c"));

        var result = Builder.Build(rgd);

        Assert.That(result.Errors, Is.Empty, result.Message);
        var graph = result.Graph!;
        Assert.That(graph.Node("kept").DeletionPolicy, Is.EqualTo(RgdDeletionPolicy.Orphaned));
        Assert.That(graph.Node("kept").ExternalFields.Select(f => f.ToString()), Is.EqualTo(new[] { "spec.replicas", "spec.ref" }));
        Assert.That(graph.Node("plain").DeletionPolicy, Is.EqualTo(RgdDeletionPolicy.Delete));
        Assert.That(graph.Node("unset").DeletionPolicy, Is.EqualTo(RgdDeletionPolicy.Unset));
        Assert.That(graph.Node("unset").ExternalFields, Is.Empty);
    }

    [Test]
    public void Build_DeletionPolicyAnnotation_SelectsPolicyAndStaysInTemplate()
    {
        static string Annotated(string id, string value, string field = "") =>
            $"- id: {id}\n{field}  template:\n    apiVersion: test.kro.dev/v1\n    kind: Widget\n"
            + $"    metadata:\n      name: ${{schema.metadata.name}}-{id}\n      annotations: {{kro.run/deletion-policy: {value}, team: a}}\n"
            + "    spec:\n      name: x\n";
        var rgd = RgdText.Rgd(Annotated("kept", "Orphaned") + Annotated("plain", "Delete") + Annotated("both", "Orphaned", "  deletionPolicy: Orphaned\n"));

        var result = Builder.Build(rgd);

        Assert.That(result.Errors, Is.Empty, result.Message);
        var graph = result.Graph!;
        Assert.That(graph.Node("kept").DeletionPolicy, Is.EqualTo(RgdDeletionPolicy.Orphaned), "the annotation alone selects Orphaned");
        Assert.That(graph.Node("plain").DeletionPolicy, Is.EqualTo(RgdDeletionPolicy.Delete), "the annotation alone selects Delete");
        Assert.That(graph.Node("both").DeletionPolicy, Is.EqualTo(RgdDeletionPolicy.Orphaned), "field and annotation agreeing are accepted");
        Assert.That(graph.Node("kept").Template["metadata"]!["annotations"]![DeletionPolicyAnnotation.Key]!.GetValue<string>(), Is.EqualTo("Orphaned"),
            "the annotation stays in the template, so the child carries it as written");
    }

    [Test]
    public void Build_NameValidation_OnMetadataNameOfInstanceCrd()
    {
        var rgd = RgdText.Rgd(RgdText.Widget("w"), "apiVersion: v1alpha1\nkind: TestApp\nmetadata:\n  nameValidation: maxLength=20 enum=\"a,b\"\nspec:\n  name: string | default=\"app\"");

        var result = Builder.Build(rgd);

        Assert.That(result.Errors, Is.Empty, result.Message);
        var metadata = result.Graph!.InstanceCrd()["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!["properties"]!["metadata"];
        Assert.That(JsonText.Canonical(metadata), Is.EqualTo(JsonText.Of("{type: object, properties: {name: {type: string, maxLength: 20, enum: [a, b]}}}")));
    }
}
