using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Schema;

namespace OciOperator.Sandbox.Kube.Tests.Schema;

public sealed class CrdSchemaCheckerTests
{
    private const string ValidSpec = """
        {"group":"example.com","scope":"Namespaced",
         "names":{"plural":"widgets","singular":"widget","kind":"Widget","listKind":"WidgetList","shortNames":["wd"]},
         "versions":[{"name":"v1","served":true,"storage":true,
           "schema":{"openAPIV3Schema":{"type":"object","properties":{
             "spec":{"type":"object","properties":{"color":{"type":"string","default":"red"},"port":{"x-kubernetes-int-or-string":true},
                     "raw":{"x-kubernetes-preserve-unknown-fields":true},"tags":{"type":"array","items":{"type":"string"}}}},
             "status":{"type":"object"}}}},
           "additionalPrinterColumns":[{"name":"Color","type":"string","jsonPath":".spec.color"}]}]}
        """;

    private static IEnumerable<TestCaseData> Cases()
    {
        yield return Case("valid spec", s => { });
        yield return Case("group missing", s => s.Remove("group"), "spec.group: Required value");
        yield return Case("group without dot", s => s["group"] = "example",
            "spec.group: Invalid value: \"example\": should be a domain with at least one dot");
        yield return Case("scope unsupported", s => s["scope"] = "Global",
            "spec.scope: Unsupported value: \"Global\": supported values: \"Cluster\", \"Namespaced\"");
        yield return Case("plural missing", s => s["names"]!.AsObject().Remove("plural"), "spec.names.plural: Required value");
        yield return Case("kind and listKind equal", s => s["names"]!["listKind"] = "Widget",
            "spec.names.listKind: Invalid value: \"Widget\": kind and listKind may not be the same");
        yield return Case("plural not a label", s => s["names"]!["plural"] = "Widgets",
            "spec.names.plural: Invalid value: \"Widgets\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')");
        yield return Case("no storage version", s => s["versions"]![0]!["storage"] = false,
            "spec.versions: Invalid value: []interface {}{\"v1\"}: must have exactly one version marked as storage version");
        yield return Case("no served version", s => s["versions"]![0]!["served"] = false,
            "spec.versions: Invalid value: []interface {}{\"v1\"}: must have at least one version marked as served");
        yield return Case("schema missing", s => s["versions"]![0]!.AsObject().Remove("schema"),
            "spec.versions[0].schema.openAPIV3Schema: Required value: schemas are required");
        yield return Case("field without type", s => Spec(s)["properties"]!["color"]!.AsObject().Remove("type"),
            "spec.versions[0].schema.openAPIV3Schema.properties[spec].properties[color].type: Required value: must not be empty for specified object fields");
        yield return Case("items without type", s => Spec(s)["properties"]!["tags"]!["items"]!.AsObject().Remove("type"),
            "spec.versions[0].schema.openAPIV3Schema.properties[spec].properties[tags].items.type: Required value: must not be empty for specified array items");
        yield return Case("root not object", s => Root(s)["type"] = "string",
            "spec.versions[0].schema.openAPIV3Schema.type: Invalid value: \"string\": must be object at the root");
        yield return Case("unknown type", s => Spec(s)["properties"]!["color"]!["type"] = "text",
            "spec.versions[0].schema.openAPIV3Schema.properties[spec].properties[color].type: Unsupported value: \"text\": supported values: \"array\", \"boolean\", \"integer\", \"number\", \"object\", \"string\"");
        yield return Case("additionalProperties false", s => Spec(s)["additionalProperties"] = false,
            "spec.versions[0].schema.openAPIV3Schema.properties[spec].additionalProperties: Forbidden: additionalProperties cannot be set to false",
            "spec.versions[0].schema.openAPIV3Schema.properties[spec].additionalProperties: Forbidden: additionalProperties and properties are mutual exclusive");
        yield return Case("uniqueItems", s => Spec(s)["properties"]!["tags"]!["uniqueItems"] = true,
            "spec.versions[0].schema.openAPIV3Schema.properties[spec].properties[tags].uniqueItems: Forbidden: uniqueItems cannot be set to true since the runtime complexity becomes quadratic");
        yield return Case("ref forbidden", s => Spec(s)["$ref"] = "#/x",
            "spec.versions[0].schema.openAPIV3Schema.properties[spec].$ref: Forbidden: $ref is not supported");
        yield return Case("default of wrong type", s => Spec(s)["properties"]!["color"]!["default"] = 5,
            "spec.versions[0].schema.openAPIV3Schema.properties[spec].properties[color].default: Invalid value: \"integer\": spec.versions[0].schema.openAPIV3Schema.properties[spec].properties[color].default in body must be of type string: \"integer\"");
        yield return Case("list map without keys", s => Spec(s)["properties"]!["tags"]!["x-kubernetes-list-type"] = "map",
            "spec.versions[0].schema.openAPIV3Schema.properties[spec].properties[tags].x-kubernetes-list-map-keys: Required value: must not be empty if x-kubernetes-list-type is map");
        yield return Case("column type unsupported", s => s["versions"]![0]!["additionalPrinterColumns"]![0]!["type"] = "text",
            "spec.versions[0].additionalPrinterColumns[0].type: Unsupported value: \"text\": supported values: \"boolean\", \"date\", \"integer\", \"number\", \"string\"");
        yield return Case("column path not starting with dot", s => s["versions"]![0]!["additionalPrinterColumns"]![0]!["jsonPath"] = "spec.color",
            "spec.versions[0].additionalPrinterColumns[0].jsonPath: Invalid value: \"spec.color\": must be a simple json path starting with .");
        yield return Case("column path unparsable", s => s["versions"]![0]!["additionalPrinterColumns"]![0]!["jsonPath"] = ".spec.ports[0",
            "spec.versions[0].additionalPrinterColumns[0].jsonPath: Invalid value: \".spec.ports[0\": must be a valid json path: unterminated array");
        yield return Case("invalid pattern", s => Spec(s)["properties"]!["color"]!["pattern"] = "(",
            "spec.versions[0].schema.openAPIV3Schema.properties[spec].properties[color].pattern: Invalid value: \"(\": must be a valid regular expression, but isn't: ");
        yield return Case("int-or-string anyOf pattern allowed", s => Spec(s)["properties"]!["port"] = JsonNode.Parse("""{"x-kubernetes-int-or-string":true,"anyOf":[{"type":"integer"},{"type":"string"}]}"""));
        yield return Case("type inside junctor", s => Spec(s)["properties"]!["color"]!["anyOf"] = JsonNode.Parse("""[{"type":"string","description":"d"}]"""),
            "spec.versions[0].schema.openAPIV3Schema.properties[spec].properties[color].anyOf[0].type: Forbidden: must be empty to be structural",
            "spec.versions[0].schema.openAPIV3Schema.properties[spec].properties[color].anyOf[0].description: Forbidden: must be empty to be structural");
        yield return Case("junctor property not in structural part", s => Spec(s)["oneOf"] = JsonNode.Parse("""[{"required":["color"]},{"properties":{"size":{"minimum":1}}}]"""),
            "spec.versions[0].schema.openAPIV3Schema.properties[spec].properties[size]: Required value: because it is defined in spec.versions[0].schema.openAPIV3Schema.properties[spec].oneOf[1].properties[size]");
        yield return Case("scale paths valid", s => s["versions"]![0]!["subresources"] = JsonNode.Parse("""{"scale":{"specReplicasPath":".spec.replicas","statusReplicasPath":".status.replicas","labelSelectorPath":".status.selector"}}"""));
        yield return Case("scale paths misplaced", s => s["versions"]![0]!["subresources"] = JsonNode.Parse("""{"scale":{"specReplicasPath":".status.replicas","labelSelectorPath":"status.selector"}}"""),
            "spec.versions[0].subresources.scale.specReplicasPath: Invalid value: \".status.replicas\": should be a json path under .spec",
            "spec.versions[0].subresources.scale.statusReplicasPath: Required value",
            "spec.versions[0].subresources.scale.labelSelectorPath: Invalid value: \"status.selector\": must be a simple json path starting with .");
        yield return Case("list map keys required", s => Spec(s)["properties"]!["ports"] = JsonNode.Parse("""{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["name","protocol"],"items":{"type":"object","required":["name"],"properties":{"name":{"type":"string"},"protocol":{"type":"string","default":"TCP"}}}}"""));
        yield return Case("list map key optional and missing", s => Spec(s)["properties"]!["ports"] = JsonNode.Parse("""{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["name","port"],"items":{"type":"object","properties":{"name":{"type":"string"}}}}"""),
            "spec.versions[0].schema.openAPIV3Schema.properties[spec].properties[ports].items.required: Required value: all map keys must be required or have a default value; \"name\" is optional",
            "spec.versions[0].schema.openAPIV3Schema.properties[spec].properties[ports].x-kubernetes-list-map-keys: Invalid value: []interface {}{\"name\", \"port\"}: entries must all be names of item properties");
        yield return Case("metadata restricted beyond name", s => Root(s)["properties"]!["metadata"] = JsonNode.Parse("""{"type":"object","properties":{"labels":{"type":"object"}}}"""),
            "spec.versions[0].schema.openAPIV3Schema.properties[metadata]: Forbidden: must not specify anything other than name and generateName, but metadata is implicitly specified");
    }

    private static JsonObject Root(JsonObject spec) => spec["versions"]![0]!["schema"]!["openAPIV3Schema"]!.AsObject();

    private static JsonObject Spec(JsonObject spec) => Root(spec)["properties"]!["spec"]!.AsObject();

    private static TestCaseData Case(string name, Action<JsonObject> mutate, params string[] expected) =>
        new(mutate, expected) { TestName = "Check_" + name.Replace(' ', '_') };

    [TestCaseSource(nameof(Cases))]
    public void Check_Table(Action<JsonObject> mutate, string[] expected)
    {
        var spec = JsonNode.Parse(ValidSpec)!.AsObject();
        mutate(spec);

        var name = spec["names"]?["plural"] + "." + spec["group"];
        var errors = CrdSchemaChecker.Check(spec, name).Select(e => e.ToString()).ToList();

        Assert.That(errors, Has.Count.EqualTo(expected.Length), string.Join("\n", errors));
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.That(errors[i], Does.StartWith(expected[i]));
        }
    }

    [Test]
    public void Check_NameNotPluralDotGroup_ReportsMetadataName()
    {
        var errors = CrdSchemaChecker.Check(JsonNode.Parse(ValidSpec)!, "widget.example.com");

        Assert.That(errors.Select(e => e.ToString()), Is.EqualTo(new[]
        {
            "metadata.name: Invalid value: \"widget.example.com\": must be spec.names.plural+\".\"+spec.group",
        }));
    }

    [Test]
    public void Check_NotAnObject_ReportsSpecRequired() =>
        Assert.That(CrdSchemaChecker.Check(JsonValue.Create(3)).Select(e => e.Type), Is.EqualTo(new[] { FieldErrorTypes.Required }));
}
