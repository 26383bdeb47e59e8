using OciOperator.Sandbox.Kube.Serialization;
using OciOperator.ResourceGraph.SimpleSchema;
using OciOperator.ResourceGraph.Tests.Support;

namespace OciOperator.ResourceGraph.Tests.SimpleSchema;

/// <summary>Whole schema blocks (<c>schema.spec</c> with optional <c>schema.types</c>) → OpenAPI.</summary>
[TestFixture]
public sealed class SimpleSchemaConverterTests
{
    private static IEnumerable<TestCaseData> Blocks()
    {
        yield return Case(
            "KroReplicasExample",
            "replicas: integer | default=1 minimum=1 maximum=10",
            "{type: object, default: {}, properties: {replicas: {type: integer, default: 1, minimum: 1, maximum: 10}}}");
        yield return Case(
            "KroTagsExample",
            "tags: \"[]string | uniqueItems=true minItems=1 maxItems=3\"",
            "{type: object, properties: {tags: {type: array, items: {type: string}, minItems: 1, maxItems: 3, x-kubernetes-list-type: set}}}");
        yield return Case(
            "RequiredSorted",
            "zeta: string | required=true\nalpha: string | required=true\nmid: string",
            "{type: object, required: [alpha, zeta], properties: {zeta: {type: string}, alpha: {type: string}, mid: {type: string}}}");
        yield return Case(
            "RequiredFalseIsNotRequired",
            "name: string | required=false",
            "{type: object, properties: {name: {type: string}}}");
        yield return Case(
            "RequiredChildSuppressesObjectDefault",
            "name: string | required=true\nport: integer | default=80",
            "{type: object, required: [name], properties: {name: {type: string}, port: {type: integer, default: 80}}}");
        yield return Case(
            "NoDefaultsNoObjectDefault",
            "name: string\nport: integer",
            "{type: object, properties: {name: {type: string}, port: {type: integer}}}");
        yield return Case(
            "NestedStructDefaultsBubbleUp",
            "ingress:\n  enabled: boolean | default=false\n  host: string",
            "{type: object, default: {}, properties: {ingress: {type: object, default: {}, properties: {enabled: {type: boolean, default: false}, host: {type: string}}}}}");
        yield return Case(
            "NestedStructWithRequiredChild",
            "db:\n  name: string | required=true\n  size: integer | default=1",
            "{type: object, properties: {db: {type: object, required: [name], properties: {name: {type: string}, size: {type: integer, default: 1}}}}}");
        yield return Case(
            "NestedStructIsNeverRequiredItself",
            "db:\n  name: string | required=true",
            "{type: object, properties: {db: {type: object, required: [name], properties: {name: {type: string}}}}}");
        yield return Case(
            "EmptyNestedMap",
            "extra: {}",
            "{type: object, properties: {extra: {type: object, properties: {}}}}");
        yield return Case(
            "CollectionsAndObject",
            "labels: \"map[string]string\"\nports: \"[]integer\"\nconfig: object",
            "{type: object, properties: {labels: {type: object, additionalProperties: {type: string}}, ports: {type: array, items: {type: integer}}, config: {type: object, x-kubernetes-preserve-unknown-fields: true}}}");
    }

    private static IEnumerable<TestCaseData> InvalidBlocks()
    {
        yield return Bad("UnknownType", "a: Foo", "unknown type: Foo", "spec.a");
        yield return Bad("NestedFieldError", "a:\n  b:\n    c: \"[]\"", "empty slice element type", "spec.a.b.c");
        yield return Bad("NumberInsteadOfSpec", "a: 5", "invalid field schema: expected a type string or a map, got number", "spec.a");
        yield return Bad("ListInsteadOfSpec", "a: [x]", "invalid field schema: expected a type string or a map, got a list", "spec.a");
        yield return Bad("NullSpec", "a:", "invalid field schema: expected a type string or a map, got null", "spec.a");
        yield return Bad("MarkerError", "a: string | bogus=1", "invalid marker key \"bogus\": unknown marker: bogus", "spec.a");
    }

    private static TestCaseData Case(string name, string spec, string expected) =>
        new TestCaseData(spec, expected).SetName($"ToOpenApi_{name}_Schema");

    private static TestCaseData Bad(string name, string spec, string message, string path) =>
        new TestCaseData(spec, message, path).SetName($"ToOpenApi_{name}_Fails");

    [TestCaseSource(nameof(Blocks))]
    public void ToOpenApi_Block_ObjectSchema(string spec, string expected)
    {
        var schema = SimpleSchemaConverter.ToOpenApi(YamlToJson.Parse(spec));

        Assert.That(JsonText.Canonical(schema), Is.EqualTo(JsonText.Of(expected)));
    }

    [TestCaseSource(nameof(InvalidBlocks))]
    public void ToOpenApi_InvalidBlock_FailsAtPath(string spec, string message, string path)
    {
        var error = Assert.Throws<SimpleSchemaException>(() => SimpleSchemaConverter.ToOpenApi(YamlToJson.Parse(spec)));

        Assert.That((error!.Reason, error.Path), Is.EqualTo((message, path)));
        Assert.That(error.Message, Is.EqualTo($"{path}: {message}"));
    }

    [Test]
    public void ToOpenApi_NestingBeyondBudget_FailsClearly()
    {
        var spec = new System.Text.Json.Nodes.JsonObject { ["leaf"] = "string" };
        for (var i = 0; i < SchemaTransformer.MaxObjectDepth + 1; i++)
        {
            spec = new System.Text.Json.Nodes.JsonObject { ["n"] = spec };
        }

        var error = Assert.Throws<SimpleSchemaException>(() => SimpleSchemaConverter.ToOpenApi(spec));

        Assert.That(error!.Reason, Is.EqualTo("schema nesting too deep (more than 64 levels)"));
    }

    [Test]
    public void ToOpenApi_NestingAtBudget_Accepted()
    {
        var spec = new System.Text.Json.Nodes.JsonObject { ["leaf"] = "string" };
        for (var i = 0; i < SchemaTransformer.MaxObjectDepth - 1; i++)
        {
            spec = new System.Text.Json.Nodes.JsonObject { ["n"] = spec };
        }

        var schema = SimpleSchemaConverter.ToOpenApi(spec);

        Assert.That(schema["properties"]!["n"]!["type"]!.GetValue<string>(), Is.EqualTo("object"));
    }

    [Test]
    public void ToOpenApi_NestedBlockWithTypesCollectionsAndEnums_GoldenSchema()
    {
        var spec = YamlToJson.Parse("""
            name: string | required=true
            age: integer | default=18
            logLevel: string | enum="debug,info,warn,error" default="info"
            contacts:
              email: string
              phone: string | default="000-000-0000"
              address: Address
            tags: "[]string"
            metadata: "map[string]string"
            friends: "[]Person"
            values: 'object | default={"a": "b"}'
            features:
              errorCode: integer | enum="400,404,500" default=500
            """);
        var types = YamlToJson.Parse("""
            Address:
              street: string
              city: string
            Person:
              name: string
              age: integer
            """);

        var schema = SimpleSchemaConverter.ToOpenApi(spec, types);

        Assert.That(JsonText.Canonical(schema), Is.EqualTo(JsonText.Of("""
            type: object
            required: [name]
            properties:
              name: {type: string}
              age: {type: integer, default: 18}
              logLevel: {type: string, enum: [debug, info, warn, error], default: info}
              contacts:
                type: object
                default: {}
                properties:
                  email: {type: string}
                  phone: {type: string, default: "000-000-0000"}
                  address: {type: object, properties: {street: {type: string}, city: {type: string}}}
              tags: {type: array, items: {type: string}}
              metadata: {type: object, additionalProperties: {type: string}}
              friends: {type: array, items: {type: object, properties: {name: {type: string}, age: {type: integer}}}}
              values: {type: object, x-kubernetes-preserve-unknown-fields: true, default: {a: b}}
              features:
                type: object
                default: {}
                properties:
                  errorCode: {type: integer, enum: [400, 404, 500], default: 500}
            """)));
    }

    [Test]
    public void ToOpenApi_NoSpec_EmptyObject()
    {
        var schema = SimpleSchemaConverter.ToOpenApi(null);

        Assert.That(JsonText.Canonical(schema), Is.EqualTo(JsonText.Of("{type: object, properties: {}}")));
    }

    [Test]
    public void ToOpenApi_SpecNotAMap_Fails()
    {
        var error = Assert.Throws<SimpleSchemaException>(() => SimpleSchemaConverter.ToOpenApi(YamlToJson.Parse("[a]")));

        Assert.That(error!.Reason, Is.EqualTo("spec must be a map of field name to field spec"));
    }

    [Test]
    public void ToOpenApi_RequiredOrder_IndependentOfFieldOrder()
    {
        var forward = SimpleSchemaConverter.ToOpenApi(YamlToJson.Parse("b: string | required=true\na: string | required=true\nc: string | required=true"));
        var backward = SimpleSchemaConverter.ToOpenApi(YamlToJson.Parse("c: string | required=true\na: string | required=true\nb: string | required=true"));

        Assert.That(forward["required"]!.ToJsonString(), Is.EqualTo("[\"a\",\"b\",\"c\"]"));
        Assert.That(backward["required"]!.ToJsonString(), Is.EqualTo(forward["required"]!.ToJsonString()));
    }
}
