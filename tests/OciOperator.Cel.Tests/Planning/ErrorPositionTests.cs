using System.Text.Json.Nodes;
using OciOperator.Cel.Common;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Tests.Planning;

/// <summary>Evaluation errors carry the position of the expression node that produced them.</summary>
public sealed class ErrorPositionTests
{
    private static readonly CelEnvironment Env = CelEnvironment.Create(new CelEnvironmentOptions
    {
        Variables = new Dictionary<string, CelType> { ["x"] = CelType.Dyn },
    });

    private const string Data = """{"spec": {"replicas": 0, "name": "db", "tags": ["a"]}, "n": 3}""";

    private static IEnumerable<TestCaseData> Cases()
    {
        yield return new TestCaseData("x.spec.foo", 1, 7, "no such key: foo").SetName("Evaluate_MissingKeyInAttributeChain_PointsAtItsDot");
        yield return new TestCaseData("x.spec['foo']", 1, 7, "no such key").SetName("Evaluate_MissingKeyByIndex_PointsAtTheBracket");
        yield return new TestCaseData("[x][0].spec.nope", 1, 12, "no such key: nope").SetName("Evaluate_MissingKeyOnComputedOperand_PointsAtItsDot");
        yield return new TestCaseData("1 + 10 / x.spec.replicas", 1, 8, "division by zero").SetName("Evaluate_DivisionByZero_PointsAtTheOperator");
        yield return new TestCaseData("x.n\n  % x.spec.replicas", 2, 3, "modulus by zero").SetName("Evaluate_ModulusByZeroOnSecondLine_CountsLines");
        yield return new TestCaseData("x.spec.name + x.n", 1, 13, "no such overload").SetName("Evaluate_DynOverloadFailure_PointsAtTheOperator");
        yield return new TestCaseData("size(x.n)", 1, 5, "no such overload").SetName("Evaluate_DynUnaryOverloadFailure_PointsAtTheCall");
        yield return new TestCaseData("x.spec.tags[1]", 1, 12, "index out of bounds").SetName("Evaluate_IndexOutOfRange_PointsAtTheBracket");
        yield return new TestCaseData("false || x.spec.tags.exists(t, t.foo)", 1, 33, "does not support field selection").SetName("Evaluate_ErrorInsideComprehension_PointsAtTheInnerNode");
        yield return new TestCaseData("x.spec.nope || x.n / 0 == 1", 1, 7, "no such key: nope").SetName("Evaluate_OrOfTwoErrors_KeepsTheFirstOriginalError");
        yield return new TestCaseData("true && 9223372036854775807 + x.n > 0", 1, 29, "overflow").SetName("Evaluate_Overflow_PointsAtTheOperator");
    }

    private static IEnumerable<TestCaseData> MoreKinds()
    {
        yield return new TestCaseData("{'a': 1}['b']", 1, 9, "no such key").SetName("Evaluate_MissingKeyInMapLiteral_PointsAtTheBracket");
        yield return new TestCaseData("1 + int('x')", 1, 8, "int").SetName("Evaluate_ConversionFailure_PointsAtTheCall");
        yield return new TestCaseData("[1, 2].all(i, i / 0 > 0)", 1, 17, "division by zero").SetName("Evaluate_ErrorInAllMacro_PointsAtTheInnerOperator");
        yield return new TestCaseData("[1, 2].exists_one(i, dyn(i).x)", 1, 28, "does not support field selection").SetName("Evaluate_ErrorInExistsOne_PointsAtTheInnerNode");
        yield return new TestCaseData("[1].exists(i, dyn(i))", 1, 11, "no such overload").SetName("Evaluate_NonBoolPredicateInExists_PointsAtTheMacro");
        yield return new TestCaseData("lists.setAtIndex([1], 3, 0)", 1, 17, "lists.setAtIndex: index 3 out of bounds [0, 1)").SetName("Evaluate_KroLibraryError_PointsAtTheCall");
        yield return new TestCaseData("'abc'.substring(5)", 1, 16, "index out of range").SetName("Evaluate_StringIndexOutOfRange_PointsAtTheCall");
        yield return new TestCaseData("optional.none().value()", 1, 22, "optional.none()").SetName("Evaluate_EmptyOptionalValue_PointsAtTheCall");
    }

    [TestCaseSource(nameof(MoreKinds))]
    public void Evaluate_ErrorKind_CarriesPosition(string expression, int line, int column, string message)
    {
        var program = CelEnvironment.Create().Compile(expression).Program!;

        var result = program.Evaluate(CelActivation.Empty);

        Assert.That(result, Is.InstanceOf<ErrorValue>());
        var issue = program.Locate((ErrorValue)result);
        Assert.That(issue.Message, Does.Contain(message));
        Assert.That((issue.Line, issue.Column), Is.EqualTo((line, column)), issue.Message);
    }

    [Test]
    public void Evaluate_CostLimitExceeded_PointsAtTheComprehension()
    {
        var program = CelEnvironment.Create(new CelEnvironmentOptions { CostLimit = 100 }).Compile("1 +\n  lists.range(1000).filter(i, i > 0).size()").Program!;

        var result = program.Evaluate(CelActivation.Empty);

        Assert.That(result, Is.InstanceOf<ErrorValue>());
        var issue = program.Locate((ErrorValue)result);
        Assert.That(issue.Message, Does.Contain("cost limit"));
        Assert.That((issue.Line, issue.Column), Is.EqualTo((2, 27)));
    }

    [Test]
    public void Evaluate_UndeclaredVariableUnchecked_PointsAtTheName()
    {
        var program = CelEnvironment.Create().Parse("1 + nope").Program!;

        var result = program.Evaluate(CelActivation.Empty);

        Assert.That(result, Is.InstanceOf<ErrorValue>());
        var issue = program.Locate((ErrorValue)result);
        Assert.That(issue.Message, Does.Contain("nope"));
        Assert.That((issue.Line, issue.Column), Is.EqualTo((1, 5)));
    }

    [TestCaseSource(nameof(Cases))]
    public void Evaluate_RuntimeError_CarriesPosition(string expression, int line, int column, string message)
    {
        var program = Compile(expression);

        var result = program.Evaluate(Activation());

        Assert.That(result, Is.InstanceOf<ErrorValue>());
        var issue = program.Locate((ErrorValue)result);
        Assert.That(issue.Message, Does.Contain(message));
        Assert.That((issue.Line, issue.Column), Is.EqualTo((line, column)), issue.Message);
    }

    [Test]
    public void Evaluate_ErrorAbsorbedByOr_ReturnsTrueWithoutError()
    {
        var result = Compile("x.spec.nope || true").Evaluate(Activation());

        Assert.That(result, Is.SameAs(BoolValue.True));
    }

    [Test]
    public void EvaluateToJson_Error_ThrowsExceptionWithLineAndColumn()
    {
        var program = Compile("x.spec.name +\n  x.spec.missing");

        var e = Assert.Throws<CelEvaluationException>(() => program.EvaluateToJson(Activation()));

        Assert.That(e!.Message, Is.EqualTo("no such key: missing"));
        Assert.That((e.Line, e.Column, e.Offset), Is.EqualTo((2, 9, 22)));
    }

    [TestCase("x.spec.data", 7)]
    [TestCase("x.?spec.?data.orValue(b'')", 8)]
    [TestCase("[x][0].spec.data", 12)]
    [TestCase("optional.of(x.spec).?data.orValue(b'')", 20)]
    public void Evaluate_InvalidSchemaTypedJson_ErrorIsLocated(string expression, int column)
    {
        var types = new Dictionary<string, CelType>
        {
            ["x"] = OciOperator.Cel.Checking.OpenApiTypes.FromSchema(JsonNode.Parse(
                """{"type":"object","properties":{"spec":{"type":"object","properties":{"data":{"type":"string","format":"byte"}}}}}"""), "x"),
        };
        var program = CelEnvironment.Create(new CelEnvironmentOptions { Variables = types }).Compile(expression).Program!;

        var result = program.Evaluate(new CelActivation(new Dictionary<string, object?> { ["x"] = JsonNode.Parse("""{"spec":{"data":"not base64!"}}""") }, types));

        Assert.That(result, Is.InstanceOf<ErrorValue>());
        Assert.That(program.Locate((ErrorValue)result).Column, Is.EqualTo(column));
    }

    [Test]
    public void Locate_ErrorWithoutPosition_ReportsLineZero()
    {
        var issue = Compile("1").Locate(new ErrorValue("made by a host"));

        Assert.That((issue.Line, issue.Column, issue.Offset), Is.EqualTo((0, 0, -1)));
    }

    [Test]
    public void Evaluate_HostFunctionError_IsLocatedAtTheCall()
    {
        var env = CelEnvironment.Create(new CelEnvironmentOptions
        {
            ConfigureFunctions = r => r.Unary<IntValue>("fail", "fail_int", CelType.Int, CelType.Int, _ => new ErrorValue("host says no")),
        });
        var program = env.Compile("1 + fail(2)").Program!;

        var result = program.Evaluate(CelActivation.Empty);

        Assert.That(program.Locate((ErrorValue)result).Column, Is.EqualTo(9));
    }

    private static CelProgram Compile(string expression)
    {
        var compiled = Env.Compile(expression);
        Assert.That(compiled.Success, Is.True, string.Join("; ", compiled.Issues));
        return compiled.Program!;
    }

    private static CelActivation Activation() =>
        new(new Dictionary<string, object?> { ["x"] = JsonNode.Parse(Data) });
}
