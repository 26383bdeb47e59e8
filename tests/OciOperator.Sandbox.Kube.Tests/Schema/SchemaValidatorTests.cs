using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Schema;

namespace OciOperator.Sandbox.Kube.Tests.Schema;

public sealed class SchemaValidatorTests
{
    private const string Spec = """{"type":"object","properties":{"spec":{"type":"object","properties":%PROPS%%EXTRA%}}}""";

    private static IEnumerable<TestCaseData> Cases()
    {
        // name, spec property schemas, extra keywords on spec, spec value, expected "reason|field: message" lines
        yield return Case("type integer ok", """{"replicas":{"type":"integer"}}""", "", """{"replicas":3}""");
        yield return Case("type integer given string", """{"replicas":{"type":"integer"}}""", "", """{"replicas":"x"}""",
            "FieldValueTypeInvalid|spec.replicas: Invalid value: \"string\": spec.replicas in body must be of type integer: \"string\"");
        yield return Case("type integer given 1.0", """{"replicas":{"type":"integer"}}""", "", """{"replicas":1.0}""");
        yield return Case("type integer given 1.5", """{"replicas":{"type":"integer"}}""", "", """{"replicas":1.5}""",
            "FieldValueTypeInvalid|spec.replicas: Invalid value: \"number\": spec.replicas in body must be of type integer: \"number\"");
        yield return Case("type number given integer", """{"ratio":{"type":"number"}}""", "", """{"ratio":2}""");
        yield return Case("type boolean given string", """{"on":{"type":"boolean"}}""", "", """{"on":"true"}""",
            "FieldValueTypeInvalid|spec.on: Invalid value: \"string\": spec.on in body must be of type boolean: \"string\"");
        yield return Case("type object given array", """{"o":{"type":"object"}}""", "", """{"o":[]}""",
            "FieldValueTypeInvalid|spec.o: Invalid value: \"array\": spec.o in body must be of type object: \"array\"");
        yield return Case("type string given null", """{"s":{"type":"string"}}""", "", """{"s":null}""",
            "FieldValueTypeInvalid|spec.s: Invalid value: \"null\": spec.s in body must be of type string: \"null\"");
        yield return Case("nullable keeps null valid", """{"s":{"type":"string","nullable":true}}""", "", """{"s":null}""");
        yield return Case("required missing", """{"color":{"type":"string"}}""", ""","required":["color"]""", """{}""",
            "FieldValueRequired|spec.color: Required value");
        yield return Case("required two missing in order", """{"a":{"type":"string"},"b":{"type":"string"}}""", ""","required":["b","a"]""", """{}""",
            "FieldValueRequired|spec.b: Required value", "FieldValueRequired|spec.a: Required value");
        yield return Case("enum unsupported", """{"size":{"type":"string","enum":["s","m"]}}""", "", """{"size":"xl"}""",
            "FieldValueNotSupported|spec.size: Unsupported value: \"xl\": supported values: \"s\", \"m\"");
        yield return Case("enum of integers", """{"n":{"type":"integer","enum":[1,2]}}""", "", """{"n":3}""",
            "FieldValueNotSupported|spec.n: Unsupported value: 3: supported values: \"1\", \"2\"");
        yield return Case("enum ok", """{"size":{"type":"string","enum":["s","m"]}}""", "", """{"size":"m"}""");
        yield return Case("maximum", """{"replicas":{"type":"integer","maximum":10}}""", "", """{"replicas":11}""",
            "FieldValueInvalid|spec.replicas: Invalid value: 11: spec.replicas in body should be less than or equal to 10");
        yield return Case("maximum equal ok", """{"replicas":{"type":"integer","maximum":10}}""", "", """{"replicas":10}""");
        yield return Case("exclusive maximum", """{"replicas":{"type":"integer","maximum":10,"exclusiveMaximum":true}}""", "", """{"replicas":10}""",
            "FieldValueInvalid|spec.replicas: Invalid value: 10: spec.replicas in body should be less than 10");
        yield return Case("minimum", """{"replicas":{"type":"integer","minimum":1}}""", "", """{"replicas":0}""",
            "FieldValueInvalid|spec.replicas: Invalid value: 0: spec.replicas in body should be greater than or equal to 1");
        yield return Case("exclusive minimum float", """{"r":{"type":"number","minimum":0.5,"exclusiveMinimum":true}}""", "", """{"r":0.5}""",
            "FieldValueInvalid|spec.r: Invalid value: 0.5: spec.r in body should be greater than 0.5");
        yield return Case("multipleOf", """{"n":{"type":"integer","multipleOf":5}}""", "", """{"n":7}""",
            "FieldValueInvalid|spec.n: Invalid value: 7: spec.n in body should be a multiple of 5");
        yield return Case("pattern", """{"name":{"type":"string","pattern":"^[a-z]+$"}}""", "", """{"name":"A"}""",
            "FieldValueInvalid|spec.name: Invalid value: \"A\": spec.name in body should match '^[a-z]+$'");
        yield return Case("pattern ok", """{"name":{"type":"string","pattern":"^[a-z]+$"}}""", "", """{"name":"abc"}""");
        yield return Case("maxLength", """{"name":{"type":"string","maxLength":3}}""", "", """{"name":"abcd"}""",
            "FieldValueTooLong|spec.name: Too long: may not be more than 3 bytes");
        yield return Case("maxLength counts runes", """{"name":{"type":"string","maxLength":3}}""", "", """{"name":"äöü"}""");
        yield return Case("minLength", """{"name":{"type":"string","minLength":3}}""", "", """{"name":"ab"}""",
            "FieldValueInvalid|spec.name: Invalid value: \"ab\": spec.name in body should be at least 3 chars long");
        yield return Case("maxItems", """{"items":{"type":"array","items":{"type":"string"},"maxItems":3}}""", "", """{"items":["a","b","c","d","e"]}""",
            "FieldValueTooMany|spec.items: Too many: 5: must have at most 3 items");
        yield return Case("minItems", """{"items":{"type":"array","items":{"type":"string"},"minItems":1}}""", "", """{"items":[]}""",
            "FieldValueInvalid|spec.items: Invalid value: 0: spec.items in body should have at least 1 items");
        yield return Case("maxProperties", """{"m":{"type":"object","additionalProperties":{"type":"string"},"maxProperties":1}}""", "", """{"m":{"a":"x","b":"y"}}""",
            "FieldValueTooMany|spec.m: Too many: 2: must have at most 1 items");
        yield return Case("minProperties", """{"m":{"type":"object","additionalProperties":{"type":"string"},"minProperties":1}}""", "", """{"m":{}}""",
            "FieldValueInvalid|spec.m: Invalid value: 0: spec.m in body should have at least 1 properties");
        yield return Case("array item path", """{"ports":{"type":"array","items":{"type":"object","required":["name"],"properties":{"name":{"type":"string"},"port":{"type":"integer"}}}}}""", "",
            """{"ports":[{"name":"a","port":1},{"port":"x"}]}""",
            "FieldValueRequired|spec.ports[1].name: Required value",
            "FieldValueTypeInvalid|spec.ports[1].port: Invalid value: \"string\": spec.ports[1].port in body must be of type integer: \"string\"");
        yield return Case("additionalProperties values", """{"labels":{"type":"object","additionalProperties":{"type":"string"}}}""", "", """{"labels":{"a":1}}""",
            "FieldValueTypeInvalid|spec.labels.a: Invalid value: \"integer\": spec.labels.a in body must be of type string: \"integer\"");
        yield return Case("int-or-string accepts int", """{"port":{"x-kubernetes-int-or-string":true}}""", "", """{"port":8080}""");
        yield return Case("int-or-string accepts string", """{"port":{"x-kubernetes-int-or-string":true}}""", "", """{"port":"http"}""");
        yield return Case("int-or-string rejects bool", """{"port":{"x-kubernetes-int-or-string":true}}""", "", """{"port":true}""",
            "FieldValueTypeInvalid|spec.port: Invalid value: \"boolean\": spec.port in body must be of type integer,string: \"boolean\"");
        yield return Case("preserve-unknown without type accepts anything", """{"raw":{"x-kubernetes-preserve-unknown-fields":true}}""", "", """{"raw":[1,{"a":null}]}""");
        yield return Case("format date-time", """{"at":{"type":"string","format":"date-time"}}""", "", """{"at":"yesterday"}""",
            "FieldValueTypeInvalid|spec.at: Invalid value: \"yesterday\": spec.at in body must be of type date-time: \"yesterday\"");
        yield return Case("format date-time ok", """{"at":{"type":"string","format":"date-time"}}""", "", """{"at":"2025-01-01T12:00:00Z"}""");
        yield return Case("list-type set duplicate", """{"tags":{"type":"array","items":{"type":"string"},"x-kubernetes-list-type":"set"}}""", "", """{"tags":["a","b","a"]}""",
            "FieldValueDuplicate|spec.tags[2]: Duplicate value: \"a\"");
        yield return Case("list-type map duplicate key", """{"ports":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["name"],"items":{"type":"object","properties":{"name":{"type":"string"},"port":{"type":"integer"}}}}}""", "",
            """{"ports":[{"name":"a","port":1},{"name":"a","port":2}]}""",
            "FieldValueDuplicate|spec.ports[1]: Duplicate value: map[string]interface {}{\"name\":\"a\"}");
        yield return Case("embedded resource needs kind and apiVersion", """{"template":{"type":"object","x-kubernetes-embedded-resource":true,"x-kubernetes-preserve-unknown-fields":true}}""", "",
            """{"template":{"metadata":{"name":"Bad_Name"}}}""",
            "FieldValueRequired|spec.template.apiVersion: Required value: must not be empty",
            "FieldValueRequired|spec.template.kind: Required value: must not be empty",
            "FieldValueInvalid|spec.template.metadata.name: Invalid value: \"Bad_Name\": " + NameRulesText);
        yield return Case("anyOf none match", """{"v":{"anyOf":[{"type":"integer"},{"type":"string"}]}}""", "", """{"v":true}""",
            "FieldValueInvalid|spec.v: Invalid value: \"\": spec.v in body must validate at least one schema (anyOf)",
            "FieldValueTypeInvalid|spec.v: Invalid value: \"boolean\": spec.v in body must be of type integer: \"boolean\"");
        yield return Case("not matching", """{"v":{"type":"string","not":{"enum":["x"]}}}""", "", """{"v":"x"}""",
            "FieldValueInvalid|spec.v: Invalid value: \"\": spec.v in body must not validate the schema (not)");
    }

    private const string NameRulesText =
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

    private static TestCaseData Case(string name, string props, string extra, string spec, params string[] expected) =>
        new TestCaseData(Spec.Replace("%PROPS%", props, StringComparison.Ordinal).Replace("%EXTRA%", extra, StringComparison.Ordinal), spec, expected) { TestName = "Validate_" + name.Replace(' ', '_') };

    [TestCaseSource(nameof(Cases))]
    public void Validate_Table(string schemaJson, string specJson, string[] expected)
    {
        var schema = StructuralSchema.Parse(JsonNode.Parse(schemaJson)!);
        var obj = new JsonObject { ["apiVersion"] = "example.com/v1", ["kind"] = "Widget", ["metadata"] = new JsonObject { ["name"] = "w" }, ["spec"] = JsonNode.Parse(specJson) };

        var errors = SchemaValidator.Validate(obj, schema);

        Assert.That(errors.Select(e => e.Type + "|" + e), Is.EqualTo(expected));
    }

    [Test]
    public void Validate_RootMetadataAndTypeMeta_AreNotValidatedHere()
    {
        var schema = StructuralSchema.Parse(JsonNode.Parse("""{"type":"object","properties":{"spec":{"type":"object"}}}""")!);
        var obj = JsonNode.Parse("""{"apiVersion":"x/v1","kind":"W","metadata":{"name":"UPPER","labels":{"a":1}}}""")!;

        Assert.That(SchemaValidator.Validate(obj, schema), Is.Empty);
    }

    [TestCase("app-web", new string[0])]
    [TestCase("much-too-long-name", new[] { "FieldValueTooLong|metadata.name: Too long: may not be more than 10 bytes", "FieldValueInvalid|metadata.name: Invalid value: \"much-too-long-name\": metadata.name in body should match '^app-'" })]
    public void Validate_RootMetadataNameRestrictedByCrd_ValidatedLikeTheApiServer(string name, string[] expected)
    {
        var schema = StructuralSchema.Parse(JsonNode.Parse("""{"type":"object","properties":{"metadata":{"type":"object","properties":{"name":{"type":"string","maxLength":10,"pattern":"^app-"}}}}}""")!);
        var obj = new JsonObject { ["apiVersion"] = "x/v1", ["kind"] = "W", ["metadata"] = new JsonObject { ["name"] = name, ["labels"] = new JsonObject { ["a"] = "b" } } };

        Assert.That(SchemaValidator.Validate(obj, schema).Select(e => e.Type + "|" + e), Is.EqualTo(expected));
    }

    [Test]
    public void FieldError_Message_MatchesCauseBodyAndReason()
    {
        var error = FieldError.NotSupported("spec.size", JsonValue.Create("xl"), ["s", "m"]);

        Assert.That(error.Message, Is.EqualTo("Unsupported value: \"xl\": supported values: \"s\", \"m\""));
        Assert.That(error.ToString(), Is.EqualTo("spec.size: Unsupported value: \"xl\": supported values: \"s\", \"m\""));
    }

    [Test]
    public void Validate_DeeplyNestedValue_DoesNotOverflow()
    {
        var schema = StructuralSchema.Parse(JsonNode.Parse("""{"type":"object","x-kubernetes-preserve-unknown-fields":true}""")!);
        JsonNode node = new JsonObject();
        var root = node;
        for (var i = 0; i < 60; i++)
        {
            var child = new JsonObject();
            ((JsonObject)node)["a"] = child;
            node = child;
        }

        Assert.That(SchemaValidator.Validate(root, schema), Is.Empty);
    }
}
