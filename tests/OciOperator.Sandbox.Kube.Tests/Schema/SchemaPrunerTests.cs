using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Schema;

namespace OciOperator.Sandbox.Kube.Tests.Schema;

public sealed class SchemaPrunerTests
{
    private static IEnumerable<TestCaseData> Cases()
    {
        yield return Case("unknown spec field",
            """{"type":"object","properties":{"spec":{"type":"object","properties":{"a":{"type":"string"}}}}}""",
            """{"apiVersion":"x/v1","kind":"W","metadata":{"name":"w","junk":1},"spec":{"a":"1","b":2},"top":true}""",
            """{"apiVersion":"x/v1","kind":"W","metadata":{"name":"w","junk":1},"spec":{"a":"1"}}""",
            "spec.b", "top");
        yield return Case("array items",
            """{"type":"object","properties":{"spec":{"type":"object","properties":{"l":{"type":"array","items":{"type":"object","properties":{"n":{"type":"string"}}}}}}}}""",
            """{"spec":{"l":[{"n":"a","x":1},{"y":2}]}}""",
            """{"spec":{"l":[{"n":"a"},{}]}}""",
            "spec.l[0].x", "spec.l[1].y");
        yield return Case("preserve unknown keeps unknown but prunes declared",
            """{"type":"object","properties":{"spec":{"type":"object","x-kubernetes-preserve-unknown-fields":true,"properties":{"d":{"type":"object","properties":{"k":{"type":"string"}}}}}}}""",
            """{"spec":{"free":{"any":1},"d":{"k":"v","z":0}}}""",
            """{"spec":{"free":{"any":1},"d":{"k":"v"}}}""",
            "spec.d.z");
        yield return Case("additionalProperties schema recursed",
            """{"type":"object","properties":{"spec":{"type":"object","additionalProperties":{"type":"object","properties":{"k":{"type":"string"}}}}}}""",
            """{"spec":{"a":{"k":"1","q":2}}}""",
            """{"spec":{"a":{"k":"1"}}}""",
            "spec.a.q");
        yield return Case("object without properties drops everything",
            """{"type":"object","properties":{"status":{"type":"object"}}}""",
            """{"status":{"phase":"x"}}""",
            """{"status":{}}""",
            "status.phase");
        yield return Case("embedded resource keeps type meta and metadata",
            """{"type":"object","properties":{"spec":{"type":"object","properties":{"t":{"type":"object","x-kubernetes-embedded-resource":true,"properties":{"spec":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}}}}}}""",
            """{"spec":{"t":{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","bogus":1},"spec":{"x":1},"other":1}}}""",
            """{"spec":{"t":{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"x":1}}}}""",
            "spec.t.metadata.bogus", "spec.t.other");
        yield return Case("int-or-string untouched",
            """{"type":"object","properties":{"spec":{"type":"object","properties":{"p":{"x-kubernetes-int-or-string":true}}}}}""",
            """{"spec":{"p":"80"}}""",
            """{"spec":{"p":"80"}}""");
    }

    private static TestCaseData Case(string name, string schema, string input, string expected, params string[] pruned) =>
        new(schema, input, expected, pruned) { TestName = "Prune_" + name.Replace(' ', '_') };

    [TestCaseSource(nameof(Cases))]
    public void Prune_Table(string schemaJson, string inputJson, string expectedJson, string[] expectedPaths)
    {
        var schema = StructuralSchema.Parse(JsonNode.Parse(schemaJson)!);
        var obj = JsonNode.Parse(inputJson)!;

        var paths = SchemaPruner.Prune(obj, schema);

        Assert.That(paths, Is.EqualTo(expectedPaths));
        Assert.That(JsonNode.DeepEquals(obj, JsonNode.Parse(expectedJson)), Is.True, obj.ToJsonString());
    }
}
