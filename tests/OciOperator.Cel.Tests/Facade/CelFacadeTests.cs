using System.Text.Json;
using System.Text.Json.Nodes;
using OciOperator.Cel.Common;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Tests.Facade;

/// <summary>The public facade: JSON activations without copying, conversion out to JSON, reuse across threads.</summary>
public sealed class CelFacadeTests
{
    private const string Instance = """
        {"spec": {"name": "db", "replicas": 3, "tags": ["a", "b"], "ratio": 0.5, "enabled": true, "nothing": null}}
        """;

    [Test]
    public void Evaluate_JsonNodeVariable_ReadsNestedFields()
    {
        var vars = new Dictionary<string, object?> { ["schema"] = JsonNode.Parse(Instance) };

        var result = CelTestHelper.Eval("schema.spec.name + '-' + string(schema.spec.replicas + 1) + schema.spec.tags[1]", vars);

        Assert.That(result.ToString(), Is.EqualTo("'db-4b'"));
    }

    [Test]
    public void Evaluate_JsonElementVariable_ReadsNestedFields()
    {
        using var doc = JsonDocument.Parse(Instance);
        var vars = new Dictionary<string, object?> { ["schema"] = doc.RootElement };

        var result = CelTestHelper.Eval("schema.spec.enabled && schema.spec.ratio < 1.0 && size(schema.spec.tags) == 2 && schema.spec.nothing == null", vars);

        Assert.That(result, Is.SameAs(BoolValue.True));
    }

    [Test]
    public void Evaluate_OptionalFieldOnJson_UsesDefaultWhenAbsent()
    {
        var vars = new Dictionary<string, object?> { ["schema"] = JsonNode.Parse(Instance) };

        var result = CelTestHelper.Eval("schema.spec.?missing.orValue('dflt') + schema.spec.?name.orValue('x')", vars);

        Assert.That(result.ToString(), Is.EqualTo("'dfltdb'"));
    }

    [Test]
    public void Evaluate_MissingJsonField_ReturnsNoSuchKeyError()
    {
        var vars = new Dictionary<string, object?> { ["schema"] = JsonNode.Parse(Instance) };

        var result = CelTestHelper.Eval("schema.spec.missing", vars);

        Assert.That(result, Is.InstanceOf<ErrorValue>());
        Assert.That(((ErrorValue)result).Message, Does.Contain("no such key"));
    }

    [Test]
    public void Evaluate_UndeclaredVariableUnchecked_ReturnsError()
    {
        var result = CelTestHelper.Eval("nope + 1", new Dictionary<string, object?>());

        Assert.That(((ErrorValue)result).Message, Does.Contain("undeclared reference to 'nope'"));
    }

    [Test]
    public void Compile_UndeclaredVariable_ReportsIssue()
    {
        var result = CelEnvironment.Create().Compile("nope + 1");

        Assert.That(result.Success, Is.False);
        Assert.That(result.Issues[0].Message, Does.Contain("undeclared reference to 'nope'"));
    }

    [Test]
    public void Evaluate_SameProgramFromManyThreads_GivesSameResults()
    {
        var env = CelEnvironment.Create(new CelEnvironmentOptions
        {
            Variables = new Dictionary<string, CelType> { ["x"] = CelType.MapOfDyn, ["factor"] = CelType.Int },
        });
        var compiled = env.Compile("x.items.map(i, i * factor).filter(i, i > 2)");
        Assert.That(compiled.Success, Is.True);
        var results = new string[64];

        Parallel.For(0, results.Length, n =>
        {
            var vars = new Dictionary<string, object?> { ["x"] = JsonNode.Parse("{\"items\": [1, 2, 3]}"), ["factor"] = n };
            results[n] = compiled.Program!.Evaluate(new CelActivation(vars)).ToString();
        });

        for (var n = 0; n < results.Length; n++)
        {
            var expected = "[" + string.Join(", ", new[] { 1, 2, 3 }.Select(i => i * n).Where(i => i > 2)) + "]";
            Assert.That(results[n], Is.EqualTo(expected));
        }
    }

    [Test]
    public void Compile_Container_ResolvesQualifiedNames()
    {
        var env = CelEnvironment.Create(new CelEnvironmentOptions { Container = "a.b" });
        var vars = new Dictionary<string, object?> { ["a.b.x"] = 1L, ["x"] = 2L };

        var result = CelTestHelper.Eval("x + .x", vars, env);

        Assert.That(result.ToString(), Is.EqualTo("3"));
    }

    [Test]
    public void Evaluate_CustomFunctionThrows_ReturnsErrorValue()
    {
        var env = CelEnvironment.Create(new CelEnvironmentOptions
        {
            ConfigureFunctions = r => r.Unary<StringValue>("explode", "explode_string", CelType.String, CelType.String, _ => throw new InvalidOperationException("boom")),
        });

        var result = CelTestHelper.Eval("explode('x')", env: env);

        Assert.That(result, Is.InstanceOf<ErrorValue>());
        Assert.That(((ErrorValue)result).Message, Does.Contain("boom"));
    }

    [Test]
    public void Compile_CustomFunction_IsTypeCheckedAndEvaluated()
    {
        var env = CelEnvironment.Create(new CelEnvironmentOptions
        {
            ConfigureFunctions = r => r.MemberUnary<StringValue>("shout", "string_shout", CelType.String, CelType.String, s => StringValue.Of(s.Value.ToUpperInvariant() + "!")),
        });

        var compiled = env.Compile("'hi'.shout()");

        Assert.That(compiled.Program!.ResultType, Is.EqualTo(CelType.String));
        Assert.That(compiled.Program.Evaluate(CelActivation.Empty).ToString(), Is.EqualTo("'HI!'"));
    }

    [Test]
    public void Compile_SyntaxError_IssueHasLineAndColumn()
    {
        var result = CelEnvironment.Create().Compile("a &&\n  b +");

        Assert.That(result.Success, Is.False);
        Assert.That(result.Issues[0].Line, Is.EqualTo(2));
    }
}
