using OciOperator.Sandbox.Kube.Serialization;
using System.Text.Json.Nodes;
using OciOperator.ResourceGraph.SimpleSchema;
using OciOperator.ResourceGraph.Tests.Support;

namespace OciOperator.ResourceGraph.Tests.SimpleSchema;

/// <summary><c>schema.types</c>: structs, aliases with markers, types using types, cycles.</summary>
[TestFixture]
public sealed class CustomTypeTests
{
    private static IEnumerable<TestCaseData> ValidTypes()
    {
        yield return Case(
            "StructInlined",
            "Person:\n  name: string | required=true\n  age: integer",
            "owner: Person",
            "{type: object, properties: {owner: {type: object, required: [name], properties: {name: {type: string}, age: {type: integer}}}}}");
        yield return Case(
            "SliceOfStruct",
            "Person:\n  name: string",
            "people: \"[]Person | required=true\"",
            "{type: object, required: [people], properties: {people: {type: array, items: {type: object, properties: {name: {type: string}}}}}}");
        yield return Case(
            "MapOfAlias",
            "Port: \"integer | minimum=1 maximum=65535\"",
            "ports: \"map[string]Port\"",
            "{type: object, properties: {ports: {type: object, additionalProperties: {type: integer, minimum: 1, maximum: 65535}}}}");
        yield return Case(
            "AliasWithDefault",
            "Port: \"integer | default=80\"",
            "port: Port",
            "{type: object, default: {}, properties: {port: {type: integer, default: 80}}}");
        yield return Case(
            "AliasMarkersThenFieldMarkers",
            "Port: \"integer | default=80 description=\\\"a port\\\"\"",
            "port: Port | default=8080",
            "{type: object, default: {}, properties: {port: {type: integer, default: 8080, description: a port}}}");
        yield return Case(
            "AliasRequiredMakesFieldRequired",
            "Id: \"string | required=true\"",
            "first: Id\nsecond: Id",
            "{type: object, required: [first, second], properties: {first: {type: string}, second: {type: string}}}");
        yield return Case(
            "FieldRequiredFalseCannotUndoAliasRequired",
            "Id: \"string | required=true\"",
            "first: Id | required=false",
            "{type: object, required: [first], properties: {first: {type: string}}}");
        yield return Case(
            "AliasRequiredAndFieldRequiredListedOnce",
            "Id: \"string | required=true\"",
            "first: Id | required=true",
            "{type: object, required: [first], properties: {first: {type: string}}}");
        yield return Case(
            "StructTypeNeverMakesFieldRequired",
            "Person:\n  name: string | required=true",
            "owner: Person",
            "{type: object, properties: {owner: {type: object, required: [name], properties: {name: {type: string}}}}}");
        yield return Case(
            "TypeUsesType",
            "Address:\n  city: string\nPerson:\n  home: Address\n  tags: \"[]Tag\"\nTag: \"string | minLength=1\"",
            "owner: Person",
            "{type: object, properties: {owner: {type: object, properties: {home: {type: object, properties: {city: {type: string}}}, tags: {type: array, items: {type: string, minLength: 1}}}}}}");
        yield return Case(
            "StructWithDefaultsGetsObjectDefault",
            "Settings:\n  debug: boolean | default=false",
            "settings: Settings",
            "{type: object, default: {}, properties: {settings: {type: object, default: {}, properties: {debug: {type: boolean, default: false}}}}}");
        yield return Case(
            "UnusedTypeIsStillBuilt",
            "Unused:\n  x: string",
            "name: string",
            "{type: object, properties: {name: {type: string}}}");
    }

    private static IEnumerable<TestCaseData> InvalidTypes()
    {
        yield return Bad("SelfCycle", "Node:\n  next: Node", "n: Node", "cyclic dependency in type Node: graph contains a cycle: Node -> Node");
        yield return Bad("TwoTypeCycle", "A:\n  b: B\nB:\n  a: \"[]A\"", "x: A", "cyclic dependency in type A: graph contains a cycle: A -> B -> A");
        yield return Bad("CycleThroughAlias", "A: \"[]B\"\nB: \"map[string]C\"\nC:\n  a: A", "x: string",
            "cyclic dependency in type A: graph contains a cycle: A -> B -> C -> A");
        yield return Bad("UnknownTypeInType", "A:\n  b: Missing", "x: A", "unknown type: Missing");
        yield return Bad("UnknownTypeInSpec", "A:\n  b: string", "x: B", "unknown type: B");
        yield return Bad("BadMarkerInAlias", "A: \"string | minItems=1\"", "x: A", "minItems marker is only valid for array types, got type: string");
        yield return Bad("BadTypeInStruct", "A:\n  b: \"map[int]string\"", "x: A", "map key must be string");
    }

    private static TestCaseData Case(string name, string types, string spec, string expected) =>
        new TestCaseData(types, spec, expected).SetName($"CustomTypes_{name}_Schema");

    private static TestCaseData Bad(string name, string types, string spec, string message) =>
        new TestCaseData(types, spec, message).SetName($"CustomTypes_{name}_Fails");

    [TestCaseSource(nameof(ValidTypes))]
    public void CustomTypes_Valid_InlinedIntoSpec(string types, string spec, string expected)
    {
        var schema = SimpleSchemaConverter.ToOpenApi(YamlToJson.Parse(spec), YamlToJson.Parse(types));

        Assert.That(JsonText.Canonical(schema), Is.EqualTo(JsonText.Of(expected)));
    }

    [TestCaseSource(nameof(InvalidTypes))]
    public void CustomTypes_Invalid_FailsWithKroMessage(string types, string spec, string message)
    {
        var error = Assert.Throws<SimpleSchemaException>(() => SimpleSchemaConverter.ToOpenApi(YamlToJson.Parse(spec), YamlToJson.Parse(types)));

        Assert.That(error!.Reason, Is.EqualTo(message));
    }

    [Test]
    public void CustomTypes_NameThatIsNotAnIdentifier_UsableAsInKro()
    {
        var types = new JsonObject { ["my-port"] = "integer | default=80" };

        var schema = SimpleSchemaConverter.ToOpenApi(YamlToJson.Parse("port: my-port"), types);

        Assert.That(JsonText.Canonical(schema["properties"]!["port"]), Is.EqualTo(JsonText.Of("{type: integer, default: 80}")));
    }

    [Test]
    public void CustomTypes_ExponentialExpansion_FailsWithSizeBudget()
    {
        var types = new JsonObject { ["T0"] = "string" };
        for (var level = 1; level <= 8; level++)
        {
            var fields = new JsonObject();
            for (var field = 0; field < 10; field++)
            {
                fields[$"f{field}"] = $"T{level - 1}";
            }

            types[$"T{level}"] = fields;
        }

        var error = Assert.Throws<SimpleSchemaException>(() => SimpleSchemaConverter.ToOpenApi(YamlToJson.Parse("x: T8"), types));

        Assert.That(error!.Reason, Does.StartWith("type T5 is too large: more than 100000 schema nodes"));
    }

    [Test]
    public void CustomTypes_UsedTwice_EachUseIsAnIndependentCopy()
    {
        var schema = SimpleSchemaConverter.ToOpenApi(YamlToJson.Parse("a: Port\nb: Port"), YamlToJson.Parse("Port: \"integer | default=80\""));

        schema["properties"]!["a"]!["default"] = 1;

        Assert.That(schema["properties"]!["b"]!["default"]!.GetValue<long>(), Is.EqualTo(80));
    }

    [Test]
    public void CustomTypes_Unparseable_ErrorNamesTheTypeField()
    {
        var error = Assert.Throws<SimpleSchemaException>(() =>
            SimpleSchemaConverter.ToOpenApi(YamlToJson.Parse("x: string"), YamlToJson.Parse("A:\n  b: \"[]\"")));

        Assert.That(error!.Path, Is.EqualTo("types.A.b"));
    }
}
