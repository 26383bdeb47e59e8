using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Patching;

namespace OciOperator.Sandbox.Kube.Tests.Patching;

public sealed class FieldSetTests
{
    private static readonly TestCaseData[] FieldsV1Documents =
    [
        new TestCaseData("""{"f:spec":{"f:replicas":{}}}""", new[] { ".spec.replicas" }).SetName("FromFieldsV1_NestedLeaf_OnePath"),
        new TestCaseData(
                """{"f:spec":{"f:containers":{"k:{\"name\":\"a\"}":{".":{},"f:image":{}}}}}""",
                new[] { ".spec.containers[name=\"a\"]", ".spec.containers[name=\"a\"].image" })
            .SetName("FromFieldsV1_ListItemWithDot_ItemAndChild"),
        new TestCaseData("""{"f:metadata":{"f:finalizers":{"v:\"x\"":{}}}}""", new[] { ".metadata.finalizers[=\"x\"]" })
            .SetName("FromFieldsV1_SetValue_ValuePath"),
        new TestCaseData("""{"f:spec":{"f:args":{"i:0":{}}}}""", new[] { ".spec.args[0]" }).SetName("FromFieldsV1_Index_IndexPath"),
        new TestCaseData("""{}""", Array.Empty<string>()).SetName("FromFieldsV1_Empty_NoPaths"),
    ];

    [TestCaseSource(nameof(FieldsV1Documents))]
    public void FromFieldsV1_Document_ParsesPaths(string fieldsV1, string[] expected)
    {
        var set = FieldSet.FromFieldsV1(JsonAssert.Obj(fieldsV1));

        Assert.That(set.Paths.Select(p => p.ToString()).Order(StringComparer.Ordinal), Is.EqualTo(expected));
    }

    private static IEnumerable<TestCaseData> RoundTripDocuments() =>
        FieldsV1Documents.Select(d => new TestCaseData(d.Arguments[0]).SetName(d.TestName!.Replace("FromFieldsV1_", "ToFieldsV1_RoundTrip_", StringComparison.Ordinal)));

    [TestCaseSource(nameof(RoundTripDocuments))]
    public void ToFieldsV1_ParsedDocument_RoundTrips(string fieldsV1)
    {
        var tree = FieldSet.FromFieldsV1(JsonAssert.Obj(fieldsV1)).ToFieldsV1();

        JsonAssert.AreEqual(tree, fieldsV1);
    }

    [Test]
    public void ToFieldsV1_MemberWithChildren_DotComesFirst()
    {
        var tree = FieldSet.FromFieldsV1(JsonAssert.Obj("""{"f:a":{"f:z":{},".":{}}}""")).ToFieldsV1();

        Assert.That(tree.ToJsonString(), Is.EqualTo("""{"f:a":{".":{},"f:z":{}}}"""));
    }

    [Test]
    public void ExceptWithDescendants_RemovedItem_DropsItsChildren()
    {
        var set = FieldSet.FromFieldsV1(JsonAssert.Obj("""{"f:l":{"k:{\"n\":1}":{".":{},"f:n":{},"f:v":{}},"k:{\"n\":2}":{".":{}}}}"""));
        var removed = FieldSet.FromFieldsV1(JsonAssert.Obj("""{"f:l":{"k:{\"n\":1}":{}}}"""));

        var rest = set.ExceptWithDescendants(removed);

        Assert.That(rest.Paths.Select(p => p.ToString()), Is.EqualTo(new[] { ".l[n=2]" }));
    }

    [Test]
    public void FromFieldsV1_KeyWithOtherSpacing_CanonicalisedForComparison()
    {
        var stored = FieldSet.FromFieldsV1(JsonAssert.Obj("""{"f:l":{"k:{ \"n\" : \"a\" }":{}}}"""));
        var computed = new FieldSet([FieldPath.Root.Field("l").Key(new JsonObject { ["n"] = "a" })]);

        Assert.That(stored.Intersect(computed).Count, Is.EqualTo(1));
    }
}
