using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Schema;

namespace OciOperator.Sandbox.Kube.Tests.Schema;

public sealed class SchemaDefaulterTests
{
    private static IEnumerable<TestCaseData> Cases()
    {
        yield return Case("absent property defaulted",
            """{"type":"object","properties":{"spec":{"type":"object","properties":{"r":{"type":"integer","default":1}}}}}""",
            """{"spec":{}}""", """{"spec":{"r":1}}""");
        yield return Case("present value kept",
            """{"type":"object","properties":{"spec":{"type":"object","properties":{"r":{"type":"integer","default":1}}}}}""",
            """{"spec":{"r":5}}""", """{"spec":{"r":5}}""");
        yield return Case("missing parent not created",
            """{"type":"object","properties":{"spec":{"type":"object","properties":{"r":{"type":"integer","default":1}}}}}""",
            """{}""", """{}""");
        yield return Case("defaulted parent gets nested defaults",
            """{"type":"object","properties":{"spec":{"type":"object","default":{},"properties":{"r":{"type":"integer","default":1},"o":{"type":"object","properties":{"x":{"type":"string","default":"y"}}}}}}}""",
            """{}""", """{"spec":{"r":1}}""");
        yield return Case("non-nullable null replaced by default",
            """{"type":"object","properties":{"spec":{"type":"object","properties":{"s":{"type":"string","default":"d"}}}}}""",
            """{"spec":{"s":null}}""", """{"spec":{"s":"d"}}""");
        yield return Case("non-nullable null without default dropped",
            """{"type":"object","properties":{"spec":{"type":"object","properties":{"s":{"type":"string"}}}}}""",
            """{"spec":{"s":null}}""", """{"spec":{}}""");
        yield return Case("nullable null kept and not defaulted",
            """{"type":"object","properties":{"spec":{"type":"object","properties":{"s":{"type":"string","nullable":true,"default":"d"}}}}}""",
            """{"spec":{"s":null}}""", """{"spec":{"s":null}}""");
        yield return Case("array items defaulted",
            """{"type":"object","properties":{"spec":{"type":"object","properties":{"ports":{"type":"array","items":{"type":"object","properties":{"protocol":{"type":"string","default":"TCP"}}}}}}}}""",
            """{"spec":{"ports":[{"port":1},{"protocol":"UDP"}]}}""", """{"spec":{"ports":[{"port":1,"protocol":"TCP"},{"protocol":"UDP"}]}}""");
        yield return Case("additionalProperties values defaulted",
            """{"type":"object","properties":{"spec":{"type":"object","additionalProperties":{"type":"object","properties":{"w":{"type":"integer","default":3}}}}}}""",
            """{"spec":{"a":{},"b":{"w":1}}}""", """{"spec":{"a":{"w":3},"b":{"w":1}}}""");
        yield return Case("default is deep-copied object",
            """{"type":"object","properties":{"spec":{"type":"object","properties":{"o":{"type":"object","default":{"k":["v"]},"properties":{"k":{"type":"array","items":{"type":"string"}}}}}}}}""",
            """{"spec":{}}""", """{"spec":{"o":{"k":["v"]}}}""");
    }

    private static TestCaseData Case(string name, string schema, string input, string expected) =>
        new(schema, input, expected) { TestName = "ApplyDefaults_" + name.Replace(' ', '_') };

    [TestCaseSource(nameof(Cases))]
    public void ApplyDefaults_Table(string schemaJson, string inputJson, string expectedJson)
    {
        var schema = StructuralSchema.Parse(JsonNode.Parse(schemaJson)!);
        var obj = JsonNode.Parse(inputJson)!;

        SchemaDefaulter.ApplyDefaults(obj, schema);

        Assert.That(JsonNode.DeepEquals(obj, JsonNode.Parse(expectedJson)), Is.True, obj.ToJsonString());
    }

    [Test]
    public void ApplyDefaults_TwoObjects_DoNotShareDefaultInstances()
    {
        var schema = StructuralSchema.Parse(JsonNode.Parse("""{"type":"object","properties":{"spec":{"type":"object","default":{"l":[]}}}}""")!);
        var first = new JsonObject();
        var second = new JsonObject();

        SchemaDefaulter.ApplyDefaults(first, schema);
        SchemaDefaulter.ApplyDefaults(second, schema);
        ((JsonArray)first["spec"]!["l"]!).Add(1);

        Assert.That(second["spec"]!["l"]!.AsArray(), Is.Empty);
    }
}
