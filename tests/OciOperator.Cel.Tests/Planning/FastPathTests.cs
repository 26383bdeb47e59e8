using System.Text.Json.Nodes;
using OciOperator.Cel.Checking;
using OciOperator.Cel.Common;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Tests.Planning;

/// <summary>
/// The evaluation fast paths (JSON walked without wrapping each level, fused optional chains, cached overload
/// dispatch) keep the semantics of the general path: each case is evaluated over JSON and over the same data as CEL
/// values (a map literal bound with cel.bind, which takes the general path).
/// </summary>
public sealed class FastPathTests
{
    private const string Data = """
        {"status": {"lifecycleState": "ACTIVE", "nothing": null, "count": 2, "when": "2024-01-02T03:04:05Z",
                    "loadBalancer": {"ingress": [{"ip": "203.0.113.7"}]}, "tags": ["a"], "accent": "h\u00e9llo\ud83d\ude00"}}
        """;

    private static readonly CelEnvironment Env = CelEnvironment.Create(new CelEnvironmentOptions
    {
        Variables = new Dictionary<string, CelType> { ["x"] = CelType.Dyn },
    });

    private static IEnumerable<TestCaseData> Cases()
    {
        yield return new TestCaseData("x.status.?lifecycleState.orValue('') == 'ACTIVE'", "true").SetName("OrValue_PresentField_ReturnsIt");
        yield return new TestCaseData("x.status.?missing.orValue('dflt')", "'dflt'").SetName("OrValue_AbsentField_ReturnsDefault");
        yield return new TestCaseData("x.status.?loadBalancer.?ingress.orValue([]).size()", "1").SetName("OrValue_TwoStepChain_ReturnsList");
        yield return new TestCaseData("x.status.?missing.?ingress.orValue([]).size()", "0").SetName("OrValue_AbsentMidChain_ReturnsDefault");
        yield return new TestCaseData("x.?status.?loadBalancer.?ingress.hasValue()", "true").SetName("HasValue_PresentChain_IsTrue");
        yield return new TestCaseData("x.?status.?nope.?ingress.hasValue()", "false").SetName("HasValue_AbsentChain_IsFalse");
        yield return new TestCaseData("x.status.?count", "optional.of(2)").SetName("Optional_Present_WrapsValue");
        yield return new TestCaseData("x.status.?nope", "optional.none()").SetName("Optional_Absent_IsNone");
        yield return new TestCaseData("x.status.?nothing", "optional.of(null)").SetName("Optional_NullField_IsPresentNull");
        yield return new TestCaseData("x.status.?nothing.?deeper", "error").SetName("Optional_SelectOnNull_IsError");
        yield return new TestCaseData("x.status.?tags.?deeper", "error").SetName("Optional_SelectOnList_IsError");
        yield return new TestCaseData("x.status.?count.orValue(1 / 0)", "error").SetName("OrValue_ErroneousDefault_IsErrorEvenWhenPresent");
        yield return new TestCaseData("x.status.loadBalancer.ingress[0].ip", "'203.0.113.7'").SetName("Attribute_DeepPath_ReadsLeaf");
        yield return new TestCaseData("x.status.nothing.deeper", "error").SetName("Attribute_SelectOnNull_IsError");
        yield return new TestCaseData("x.status.missing.deeper", "error").SetName("Attribute_MissingMidPath_IsError");
        yield return new TestCaseData("has(x.status.loadBalancer.ingress)", "true").SetName("Has_PresentPath_IsTrue");
        yield return new TestCaseData("optional.of(x.status).?loadBalancer.?ingress.orValue([]).size()", "1").SetName("OrValue_OptionalOperand_IsUnwrapped");
        yield return new TestCaseData("x.status.tags.size() + size(x.status.loadBalancer)", "2").SetName("Size_JsonArrayAndObject_CountsElements");
        yield return new TestCaseData("size(x.status)", "7").SetName("Size_JsonObject_CountsKeys");
        yield return new TestCaseData("x.status.accent.size()", "6").SetName("Size_JsonString_CountsCodePoints");
        yield return new TestCaseData("x.status.?loadBalancer.?ingress.orValue([]).size()", "1").SetName("Size_FusedChain_CountsElements");
        yield return new TestCaseData("x.status.?nope.?ingress.orValue([1, 2]).size()", "2").SetName("Size_FusedChainAbsent_CountsDefault");
        yield return new TestCaseData("size(x.status.count)", "error").SetName("Size_JsonNumber_IsError");
        yield return new TestCaseData("size(x.status.nothing)", "error").SetName("Size_JsonNull_IsError");
        yield return new TestCaseData("x.status.lifecycleState == 'ACTIVE'", "true").SetName("Equals_JsonStringLiteral_IsTrue");
        yield return new TestCaseData("'ACTIVE' != x.status.lifecycleState", "false").SetName("NotEquals_LiteralFirst_IsFalse");
        yield return new TestCaseData("x.status.lifecycleState == 'ACTIV'", "false").SetName("Equals_Prefix_IsFalse");
        yield return new TestCaseData("x.status.accent == 'héllo😀'", "true").SetName("Equals_EscapedJsonString_ComparesUnescaped");
        yield return new TestCaseData("x.status.count == '2'", "false").SetName("Equals_JsonNumberToString_IsFalse");
        yield return new TestCaseData("x.status.nothing == 'x'", "false").SetName("Equals_JsonNullToString_IsFalse");
        yield return new TestCaseData("x.status.loadBalancer != 'x'", "true").SetName("NotEquals_JsonObjectToString_IsTrue");
        yield return new TestCaseData("x.status.missing == 'x'", "error").SetName("Equals_MissingKey_IsError");
        yield return new TestCaseData("x.status.?missing.orValue('d') == 'd'", "true").SetName("Equals_FusedChainDefault_ComparesDefault");
        yield return new TestCaseData("[ip('10.0.0.1'), cidr('10.0.0.0/8'), x.status.count, ip('::1')].map(v, string(v))", "['10.0.0.1', '10.0.0.0/8', '2', '::1']")
            .SetName("Dispatch_OpaqueAndPlainArgumentsAtOneCallSite_EachGetsItsOverload");
        yield return new TestCaseData("[x.status.count, x.status.lifecycleState].map(v, string(v))", "['2', 'ACTIVE']").SetName("Dispatch_DifferentArgumentTypes_AtOneCallSite");
        yield return new TestCaseData("x.status.loadBalancer.ingress[1]", "error").SetName("Index_JsonArrayOutOfRange_IsError");
        yield return new TestCaseData("x.status.loadBalancer.ingress[0]['ip']", "'203.0.113.7'").SetName("Index_JsonArrayThenKey_ReadsLeaf");
        yield return new TestCaseData("x.status.loadBalancer.ingress[0]['nope']", "error").SetName("Index_MissingKey_IsError");
        yield return new TestCaseData("x.status.loadBalancer.ingress[0].nope", "error").SetName("Select_MissingFieldAfterIndex_IsError");
        yield return new TestCaseData("has(x.status.loadBalancer.ingress[0].ip)", "true").SetName("Has_AfterIndex_IsTrue");
        yield return new TestCaseData("size(x.status.loadBalancer.ingress[0])", "1").SetName("Size_AfterIndex_CountsKeys");
        yield return new TestCaseData("x.status.tags[0] == 'a'", "true").SetName("Equals_IndexedJsonString_IsTrue");
        yield return new TestCaseData("x.status['tags'][0]", "'a'").SetName("Index_StringKeyThenInt_ReadsLeaf");
        yield return new TestCaseData("x.status.lifecycleState + '-x'", "'ACTIVE-x'").SetName("Concat_JsonStringAndLiteral_Concatenates");
        yield return new TestCaseData("'p-' + x.status.lifecycleState", "'p-ACTIVE'").SetName("Concat_LiteralAndJsonString_Concatenates");
        yield return new TestCaseData("x.status.count + '-x'", "error").SetName("Concat_JsonNumberAndString_IsError");
        yield return new TestCaseData("x.status.nothing + 'x'", "error").SetName("Concat_JsonNullAndString_IsError");
        yield return new TestCaseData("x.status.missing + 'x'", "error").SetName("Concat_MissingKey_IsError");
        yield return new TestCaseData("x.status.loadBalancer.ingress.map(i, i.ip + '/32')", "['203.0.113.7/32']").SetName("Concat_FieldOfLoopVariable_Concatenates");
        yield return new TestCaseData("x.status.loadBalancer.ingress.exists(i, i.ip == '203.0.113.7' && has(i.ip))", "true").SetName("Exists_FieldsOfLoopVariable_ReadInPlace");
        yield return new TestCaseData("x.status.loadBalancer.ingress.all(i, i.nope == 1)", "error").SetName("All_MissingFieldOfLoopVariable_IsError");
    }

    [TestCaseSource(nameof(Cases))]
    public void Evaluate_OverJson_MatchesExpected(string expression, string expected)
    {
        var result = Evaluate(expression, new CelActivation(new Dictionary<string, object?> { ["x"] = JsonNode.Parse(Data) }));

        Assert.That(Render(result), Is.EqualTo(expected));
    }

    [TestCaseSource(nameof(Cases))]
    public void Evaluate_OverCelMaps_MatchesExpected(string expression, string expected)
    {
        // The same data converted to CEL maps and lists first (no JSON fast path).
        var converted = CelActivation.ToValue(JsonNode.Parse(Data)!.AsObject().ToDictionary(p => p.Key, p => ToPlain(p.Value)));

        var result = Evaluate(expression, new CelActivation(new Dictionary<string, object?> { ["x"] = converted }));

        Assert.That(Render(result), Is.EqualTo(expected));
    }

    [TestCaseSource(nameof(Cases))]
    public void Evaluate_OverHostActivation_MatchesExpected(string expression, string expected)
    {
        // A host's own activation: JSON arrives already wrapped, so only the value-level paths apply.
        var inner = new CelActivation(new Dictionary<string, object?> { ["x"] = JsonNode.Parse(Data) });

        var result = Evaluate(expression, new HostActivation(inner));

        Assert.That(Render(result), Is.EqualTo(expected));
    }

    [Test]
    public void Evaluate_SchemaTypedJson_FollowsTypesThroughFusedChain()
    {
        var schema = OpenApiTypes.FromSchema(
            JsonNode.Parse("""{"type":"object","properties":{"status":{"type":"object","properties":{"when":{"type":"string","format":"date-time"}}}}}""")!,
            "x");
        var env = CelEnvironment.Create(new CelEnvironmentOptions { Variables = new Dictionary<string, CelType> { ["x"] = schema } });
        var program = env.Compile("x.?status.?when.orValue(timestamp('1970-01-01T00:00:00Z')).getFullYear()").Program!;

        var result = program.Evaluate(new CelActivation(new Dictionary<string, object?> { ["x"] = JsonNode.Parse(Data) }, env.Options.Variables));

        Assert.That(Render(result), Is.EqualTo("2024"));
    }

    [TestCase("x.status.when == '2024-01-02T03:04:05Z'", "false")]
    [TestCase("x.status.when == timestamp('2024-01-02T03:04:05Z')", "true")]
    [TestCase("size(x.status.when)", "error")]
    public void Evaluate_SchemaTypedTimestampField_IsNotComparedAsString(string expression, string expected)
    {
        var schema = OpenApiTypes.FromSchema(
            JsonNode.Parse("""{"type":"object","properties":{"status":{"type":"object","properties":{"when":{"type":"string","format":"date-time"}}}}}""")!,
            "x");
        var types = new Dictionary<string, CelType> { ["x"] = schema };
        var program = CelEnvironment.Create(new CelEnvironmentOptions { Variables = types }).Parse(expression).Program!;

        var result = program.Evaluate(new CelActivation(new Dictionary<string, object?> { ["x"] = JsonNode.Parse(Data) }, types));

        Assert.That(Render(result), Is.EqualTo(expected));
    }

    [Test]
    public void Evaluate_ManyThreads_SameProgramGivesSameResults()
    {
        var program = Env.Compile("x.status.?loadBalancer.?ingress.orValue([]).size() + x.status.count").Program!;
        var activation = new CelActivation(new Dictionary<string, object?> { ["x"] = JsonNode.Parse(Data) });

        var results = Enumerable.Range(0, 64).AsParallel().Select(_ => Render(program.Evaluate(activation))).ToArray();

        Assert.That(results, Is.All.EqualTo("3"));
    }

    [Test]
    public void Evaluate_ConstantIndexIntoJsonWithOptionalsLoaded_WrapsOnlyTheLeaf()
    {
        // The optionals library adds _[_] overloads on optional values; over JSON they never apply, so the index reads
        // the array in place: only the result (a string value and its string, 32 + 48 bytes) is allocated.
        var program = Env.Compile("x.status.loadBalancer.ingress[0].ip").Program!;
        var activation = new CelActivation(new Dictionary<string, object?> { ["x"] = JsonNode.Parse(Data) });
        program.Evaluate(activation);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = program.Evaluate(activation);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.That(Render(result), Is.EqualTo("'203.0.113.7'"));
        Assert.That(allocated, Is.LessThanOrEqualTo(32 + 48));
    }

    [TestCase("has(x.status.loadBalancer)", "true")]
    [TestCase("has(x.status.nope)", "false")]
    public void Evaluate_HasOnJsonPath_TestsTheKeyWithoutWrapping(string expression, string expected)
    {
        var program = Env.Compile(expression).Program!;
        var activation = new CelActivation(new Dictionary<string, object?> { ["x"] = JsonNode.Parse(Data) });
        program.Evaluate(activation);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = program.Evaluate(activation);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.That(Render(result), Is.EqualTo(expected));
        Assert.That(allocated, Is.Zero);
    }

    private static object? ToPlain(JsonNode? node) => node switch
    {
        JsonObject o => o.ToDictionary(p => p.Key, p => ToPlain(p.Value)),
        JsonArray a => a.Select(ToPlain).ToList(),
        JsonValue v when v.TryGetValue<long>(out var l) => l,
        JsonValue v => v.GetValue<object>().ToString(),
        _ => null,
    };

    private static CelValue Evaluate(string expression, ICelActivation activation)
    {
        var compiled = Env.Compile(expression);
        Assert.That(compiled.Success, Is.True, string.Join("; ", compiled.Issues));
        return compiled.Program!.Evaluate(activation);
    }

    private static string Render(CelValue v) => v is ErrorValue ? "error" : v.ToString();

    private sealed class HostActivation(ICelActivation inner) : ICelActivation
    {
        public bool TryResolve(string name, out CelValue value) => inner.TryResolve(name, out value);
    }
}
