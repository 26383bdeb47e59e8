using System.Text.Json.Nodes;
using OciOperator.Cel.Checking;
using OciOperator.Cel.Common;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Tests.Planning;

/// <summary>
/// Property tests of variable slots: a checked program reads each variable once per evaluation and takes its type from
/// the plan when the activation carries the program's own declarations. On random expressions that read schema-typed
/// JSON variables several times (timestamps, doubles, bytes that do not decode, missing keys, loops), that gives what
/// the type looked up by name gives (a copy of the declarations) and what a host activation gives (values converted
/// by the activation, no JSON paths) — values, errors and their positions.
/// </summary>
public sealed class VariableSlotPropertyTests
{
    private const string Schema = """
        {"type":"object","properties":{
          "when":{"type":"string","format":"date-time"},"ratio":{"type":"number"},"n":{"type":"integer"},
          "s":{"type":"string"},"b":{"type":"string","format":"byte"},
          "items":{"type":"array","items":{"type":"object","properties":{"when":{"type":"string","format":"date-time"}}}}}}
        """;

    private static readonly string[] Data =
    [
        """{"when":"2024-01-02T03:04:05Z","ratio":2,"n":3,"s":"abc","b":"aGk=","items":[{"when":"2001-01-01T00:00:00Z"}]}""",
        """{"when":"not a time","ratio":2.5,"n":0,"s":"","b":"%%%","items":[]}""",
        """{"ratio":1,"s":"x","items":[{"when":"1999-01-01T00:00:00Z"},{"when":"bad"}]}""",
    ];

    private static readonly string[] Atoms =
    [
        "x.when", "x.ratio", "x.n", "x.s", "x.b", "x.missing", "x.?when.orValue(timestamp('1970-01-01T00:00:00Z'))",
        "x.items[0].when", "size(x.s)", "x.s + '-'", "y.a", "has(x.n)", "x.?n.orValue(7)", "x.ratio == 2.0",
        "x.items.exists(i, i.when > timestamp('2000-01-01T00:00:00Z'))", "x.items.map(i, i.when)", "size(x.items)", "y",
        "x.n / x.n", "x.when.getFullYear()",
    ];

    private static readonly string[] Shapes = ["{0}", "[{0}, {1}, {0}]", "dyn({0}) == dyn({1})", "has(x.n) ? {0} : {1}", "{0} != null || {1} != null", "string({0})"];

    public static IEnumerable<TestCaseData> Seeds() => Enumerable.Range(0, 4).Select(seed => new TestCaseData(seed).SetName($"VariableSlots_RandomExpressions_AgreeWithLookupAndHostPaths_Seed{seed}"));

    [TestCaseSource(nameof(Seeds))]
    public void VariableSlots_RandomExpressions_AgreeWithLookupAndHostPaths(int seed)
    {
        var types = new Dictionary<string, CelType> { ["x"] = OpenApiTypes.FromSchema(JsonNode.Parse(Schema)!, "x"), ["y"] = CelType.Dyn };
        var env = CelEnvironment.Create(new CelEnvironmentOptions { Variables = types });
        var random = new Random(seed);
        var evaluated = 0;
        for (var n = 0; n < 60; n++)
        {
            var shape = Shapes[random.Next(Shapes.Length)];
            var expression = string.Format(System.Globalization.CultureInfo.InvariantCulture, shape, Atoms[random.Next(Atoms.Length)], Atoms[random.Next(Atoms.Length)]);
            var compiled = env.Compile(expression);
            if (!compiled.Success)
            {
                continue;
            }

            var variables = new Dictionary<string, object?> { ["x"] = JsonNode.Parse(Data[random.Next(Data.Length)]), ["y"] = JsonNode.Parse("""{"a":[1]}""") };
            var bound = Describe(compiled.Program!.Evaluate(new CelActivation(variables, env.Options.Variables)));
            var lookedUp = Describe(compiled.Program.Evaluate(new CelActivation(variables, new Dictionary<string, CelType>(types))));
            var host = Describe(compiled.Program.Evaluate(new HostActivation(new CelActivation(variables, types))));

            Assert.That(bound, Is.EqualTo(lookedUp), expression);
            Assert.That(bound, Is.EqualTo(host), expression);
            evaluated++;
        }

        Assert.That(evaluated, Is.GreaterThan(20));
    }

    [Test]
    public void VariableSlots_OneActivationManyEvaluations_EachSeesItsOwnVariables()
    {
        var env = CelEnvironment.Create(new CelEnvironmentOptions { Variables = new Dictionary<string, CelType> { ["x"] = CelType.Dyn } });
        var program = env.Compile("x.a + x.a").Program!;

        var first = program.Evaluate(new CelActivation(new Dictionary<string, object?> { ["x"] = JsonNode.Parse("""{"a":1}""") }));
        var second = program.Evaluate(new CelActivation(new Dictionary<string, object?> { ["x"] = JsonNode.Parse("""{"a":20}""") }));

        Assert.That((first.ToString(), second.ToString()), Is.EqualTo(("2", "40")));
    }

    [Test]
    public void VariableSlots_AbsentVariable_IsUndeclaredReferenceEachTime()
    {
        var program = CelEnvironment.Create().Parse("a.b == 1 || a.b == 2").Program!;

        var result = program.Evaluate(CelActivation.Empty);

        Assert.That(result, Is.InstanceOf<ErrorValue>());
        Assert.That(((ErrorValue)result).Message, Does.Contain("undeclared reference to 'a.b'"));
    }

    private static string Describe(CelValue v) => v is ErrorValue e ? $"error@{e.Offset}: {e.Message}" : v.ToString()!;

    private sealed class HostActivation(ICelActivation inner) : ICelActivation
    {
        public bool TryResolve(string name, out CelValue value) => inner.TryResolve(name, out value);
    }
}
