using System.Text.Json.Nodes;
using OciOperator.Cel.Checking;
using OciOperator.Cel.Common;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Tests.Checking;

public sealed class OpenApiTypesTests
{
    private const string Schema = """
        {
          "type": "object",
          "properties": {
            "spec": {
              "type": "object",
              "properties": {
                "name": {"type": "string"},
                "replicas": {"type": "integer"},
                "ratio": {"type": "number"},
                "enabled": {"type": "boolean"},
                "created": {"type": "string", "format": "date-time"},
                "timeout": {"type": "string", "format": "duration"},
                "port": {"x-kubernetes-int-or-string": true},
                "tags": {"type": "array", "items": {"type": "string"}},
                "labels": {"type": "object", "additionalProperties": {"type": "string"}},
                "extra": {"type": "object", "x-kubernetes-preserve-unknown-fields": true}
              }
            }
          }
        }
        """;

    public static IEnumerable<TestCaseData> FieldTypes() => new (string Expr, string Type)[]
    {
        ("schema.spec.name", "string"),
        ("schema.spec.replicas", "int"),
        ("schema.spec.ratio", "double"),
        ("schema.spec.enabled", "bool"),
        ("schema.spec.created", "google.protobuf.Timestamp"),
        ("schema.spec.timeout", "google.protobuf.Duration"),
        ("schema.spec.port", "dyn"),
        ("schema.spec.tags", "list(string)"),
        ("schema.spec.labels", "map(string, string)"),
        ("schema.spec.extra.anything", "dyn"),
        ("schema.spec.tags.map(t, size(t))", "list(int)"),
        ("schema.spec.?name.orValue('x')", "string"),
        ("has(schema.spec.name)", "bool"),
        ("schema.spec.replicas + 1 > 2", "bool"),
    }.Select(c => new TestCaseData(c.Expr, c.Type).SetName("Compile_" + c.Expr.Replace('.', '_')));

    [TestCaseSource(nameof(FieldTypes))]
    public void Compile_SchemaTypedVariable_DeducesFieldType(string expr, string type)
    {
        var env = Env();

        var result = env.Compile(expr);

        Assert.That(result.Success, Is.True, string.Join("; ", result.Issues));
        Assert.That(result.Program!.ResultType.ToString(), Is.EqualTo(type));
    }

    [TestCase("schema.spec.nonExistentField", "undefined field 'nonExistentField'")]
    [TestCase("schema.spec.name + 1", "found no matching overload for '_+_' applied to '(string, int)'")]
    [TestCase("schema.spec.replicas.startsWith('a')", "found no matching overload for 'startsWith'")]
    [TestCase("schema.spec.tags.all(t, t)", "found no matching overload")]
    public void Compile_TypeError_ReportsIssue(string expr, string message)
    {
        var result = Env().Compile(expr);

        Assert.That(result.Success, Is.False);
        Assert.That(result.Issues[0].Message, Does.Contain(message));
    }

    [Test]
    public void Evaluate_CheckedSchemaProgram_ReadsJson()
    {
        var program = Env().Compile("schema.spec.name + '-' + string(schema.spec.replicas)").Program!;
        var vars = new Dictionary<string, object?> { ["schema"] = JsonNode.Parse("""{"spec": {"name": "db", "replicas": 2}}""") };

        var result = program.Evaluate(new CelActivation(vars));

        Assert.That(result.ToString(), Is.EqualTo("'db-2'"));
    }

    [Test]
    public void Evaluate_TypedActivation_JsonScalarsFollowSchema()
    {
        var env = Env();
        var program = env.Compile("schema.spec.ratio + 0.5 == 1.5 && schema.spec.created.getFullYear() == 2024 && schema.spec.timeout == duration('90s')").Program!;
        var json = JsonNode.Parse("""{"spec": {"ratio": 1, "created": "2024-05-06T07:08:09Z", "timeout": "1m30s"}}""");

        var result = program.Evaluate(new CelActivation(new Dictionary<string, object?> { ["schema"] = json }, env.Options.Variables));

        Assert.That(result, Is.SameAs(BoolValue.True));
    }

    [Test]
    public void Evaluate_UntypedActivation_IntegralNumberStaysInt()
    {
        var program = Env().Compile("schema.spec.ratio + 0.5").Program!;
        var json = JsonNode.Parse("""{"spec": {"ratio": 1}}""");

        var result = program.Evaluate(new CelActivation(new Dictionary<string, object?> { ["schema"] = json }));

        Assert.That(result, Is.InstanceOf<ErrorValue>());
    }

    private static CelEnvironment Env() => CelEnvironment.Create(new CelEnvironmentOptions
    {
        Variables = new Dictionary<string, CelType> { ["schema"] = OpenApiTypes.FromSchema(JsonNode.Parse(Schema), "schema") },
    });
}
