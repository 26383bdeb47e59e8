using OciOperator.ResourceGraph.SimpleSchema;
using OciOperator.ResourceGraph.Tests.Support;

namespace OciOperator.ResourceGraph.Tests.SimpleSchema;

[TestFixture]
public sealed class TypeParserTests
{
    private static IEnumerable<TestCaseData> ValidTypes()
    {
        yield return Case("string", "{type: string}");
        yield return Case("integer", "{type: integer}");
        yield return Case("boolean", "{type: boolean}");
        yield return Case("float", "{type: number}");
        yield return Case("  string  ", "{type: string}").SetName("Parse_SurroundingSpaces_Trimmed");
        yield return Case("object", "{type: object, x-kubernetes-preserve-unknown-fields: true}");
        yield return Case("[]string", "{type: array, items: {type: string}}");
        yield return Case("[][]integer", "{type: array, items: {type: array, items: {type: integer}}}");
        yield return Case("map[string]string", "{type: object, additionalProperties: {type: string}}");
        yield return Case("map[string][]float", "{type: object, additionalProperties: {type: array, items: {type: number}}}");
        yield return Case("[]map[string]boolean", "{type: array, items: {type: object, additionalProperties: {type: boolean}}}");
        yield return Case("map[string]map[string]object",
            "{type: object, additionalProperties: {type: object, additionalProperties: {type: object, x-kubernetes-preserve-unknown-fields: true}}}");
        yield return Case("[]object", "{type: array, items: {type: object, x-kubernetes-preserve-unknown-fields: true}}");
        var deepest = "{type: string}";
        for (var i = 0; i < TypeParser.MaxNestingDepth; i++)
        {
            deepest = $"{{type: array, items: {deepest}}}";
        }

        yield return Case(string.Concat(Enumerable.Repeat("[]", TypeParser.MaxNestingDepth)) + "string", deepest)
            .SetName("Parse_NestingAtLimit_Accepted");
    }

    private static IEnumerable<TestCaseData> InvalidTypes()
    {
        yield return Bad("[]", "empty slice element type");
        yield return Bad("[][]", "empty slice element type");
        yield return Bad("map[int]string", "map key must be string");
        yield return Bad("map[integer]string", "map key must be string");
        yield return Bad("map[string]", "map value type is required");
        yield return Bad("map[string", "map key must be string");
        yield return Bad("map[ string ]integer", "map key must be string");
        yield return Bad("", "empty type");
        yield return Bad("   ", "empty type");
        yield return Bad(string.Concat(Enumerable.Repeat("[]", TypeParser.MaxNestingDepth + 1)) + "string", "type nesting too deep (max 16): \"string\"");
        yield return Bad(string.Concat(Enumerable.Repeat("map[string]", TypeParser.MaxNestingDepth + 1)) + "string", "type nesting too deep (max 16): \"string\"");
    }

    private static TestCaseData Case(string expression, string schema) =>
        new TestCaseData(expression, schema).SetName($"Parse_{Printable(expression)}_Schema");

    private static TestCaseData Bad(string expression, string message) =>
        new TestCaseData(expression, message).SetName($"Parse_{Printable(expression)}_Fails");

    private static string Printable(string expression) => expression.Length > 40 ? expression[..40] + "..." : expression;

    [TestCaseSource(nameof(ValidTypes))]
    public void Parse_ValidExpression_MapsToOpenApi(string expression, string expected)
    {
        var schema = TypeParser.Parse(expression).Schema(TypeRegistry.Empty);

        Assert.That(JsonText.Canonical(schema), Is.EqualTo(JsonText.Of(expected)));
    }

    [TestCaseSource(nameof(InvalidTypes))]
    public void Parse_InvalidExpression_FailsWithKroMessage(string expression, string message)
    {
        var error = Assert.Throws<SimpleSchemaException>(() => TypeParser.Parse(expression));

        Assert.That(error!.Reason, Is.EqualTo(message));
    }

    [TestCase("Person", "Person")]
    [TestCase("[]Person", "Person")]
    [TestCase("map[string]Port", "Port")]
    [TestCase("map[string][]Item", "Item")]
    [TestCase("map[string] Item", "Item")]
    [TestCase("my-type", "my-type")]
    public void Parse_CustomTypeName_IsADependency(string expression, string dependency)
    {
        var type = TypeParser.Parse(expression);

        Assert.That(type.Deps(), Is.EqualTo(new[] { dependency }));
    }

    [Test]
    public void Parse_UnknownCustomType_FailsWhenResolved()
    {
        var type = TypeParser.Parse("[]Missing");

        var error = Assert.Throws<SimpleSchemaException>(() => type.Schema(TypeRegistry.Empty));

        Assert.That(error!.Reason, Is.EqualTo("unknown type: Missing"));
    }
}
