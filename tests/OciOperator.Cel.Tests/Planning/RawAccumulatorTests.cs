using System.Text.Json.Nodes;
using OciOperator.Cel.Checking;
using OciOperator.Cel.Common;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Tests.Planning;

/// <summary>
/// filter/map over JSON keep the elements they gather unwrapped: the results (and errors, with their positions) are
/// those of the general path, also for schema types whose wrapping can fail (kept wrapped) and for lists that mix JSON
/// with other values.
/// </summary>
public sealed class RawAccumulatorTests
{
    private const string Schema = """
        {"type":"object","properties":{"items":{"type":"array","items":{"type":"object","properties":{
          "name":{"type":"string"},"when":{"type":"string","format":"date-time"},"n":{"type":"integer"}}}}}}
        """;

    private const string Data = """
        {"items":[{"name":"a","when":"2024-01-02T03:04:05Z","n":1},{"name":"b","when":"bad","n":2},{"name":"c","n":3}]}
        """;

    private static IEnumerable<TestCaseData> Cases()
    {
        yield return new TestCaseData("x.items.filter(i, i.n > 1).map(i, i.name)", "['b', 'c']").SetName("FilterMap_Names_AreTheKeptElementsFields");
        yield return new TestCaseData("x.items.filter(i, i.n > 1).map(i, i.name).size()", "2").SetName("FilterMapSize_CountsWithoutReading");
        yield return new TestCaseData("x.items.filter(i, i.n != 2)", "[{'name': 'a', 'when': timestamp('2024-01-02T03:04:05Z'), 'n': 1}, {'name': 'c', 'n': 3}]")
            .SetName("Filter_KeptObjects_ReadWithTheirSchemaTypes");
        yield return new TestCaseData("x.items.filter(i, has(i.when)).map(i, i.when)", "error").SetName("Map_TimestampFieldThatDoesNotParse_IsError");
        yield return new TestCaseData("x.items.filter(i, i.n == 1).map(i, i.when)", "[timestamp('2024-01-02T03:04:05Z')]").SetName("Map_TimestampField_IsTimestamp");
        yield return new TestCaseData("x.items.map(i, i.n == 2 ? dyn(0) : dyn(i))[0].n", "1").SetName("Map_MixedJsonAndValues_KeepsOrder");
        yield return new TestCaseData("x.items.map(i, i.n == 1 ? dyn(0) : dyn(i))[1].name", "'b'").SetName("Map_ValueThenJson_KeepsOrder");
        yield return new TestCaseData("x.items.map(i, i.n == 2 ? dyn(i.n) : dyn(i.name))", "['a', 2, 'c']").SetName("Map_JsonOfTwoTypes_KeepsEach");
        yield return new TestCaseData("[x.items[0], x].map(v, v)[1].items[0].when", "timestamp('2024-01-02T03:04:05Z')").SetName("Map_JsonElementsOfTwoSchemaTypes_KeepEachType");
        yield return new TestCaseData("x.items.filter(i, true).exists(i, i.name == 'c')", "true").SetName("Exists_OverFilteredJson_ReadsInPlace");
        yield return new TestCaseData("x.items.filter(i, i.n != 2) == x.items.filter(i, i.n != 2)", "true").SetName("Equals_FilteredLists_AreEqual");
        yield return new TestCaseData("x.items.map(i, i.name)[3]", "error").SetName("Index_PastGatheredElements_IsError");
    }

    [TestCaseSource(nameof(Cases))]
    public void Evaluate_FilterMapOverTypedJson_MatchesGeneralPath(string expression, string expected)
    {
        var fast = Evaluate(expression, fastLoops: true);
        var general = Evaluate(expression, fastLoops: false);

        Assert.That(Describe(fast), Is.EqualTo(Describe(general)));
        Assert.That(fast is ErrorValue ? "error" : fast.ToString(), Is.EqualTo(expected));
    }

    [Test]
    public void Evaluate_FilterMapOverJson_AllocatesNoWrapperPerElement()
    {
        var items = new JsonArray([.. Enumerable.Range(0, 200).Select(i => (JsonNode)new JsonObject { ["name"] = "item-" + i, ["enabled"] = i % 2 == 0 })]);
        var program = CelEnvironment.Create(new CelEnvironmentOptions { Variables = new Dictionary<string, CelType> { ["items"] = CelType.Dyn } })
            .Compile("items.filter(i, i.enabled).map(i, i.name).size()").Program!;
        var activation = new CelActivation(new Dictionary<string, object?> { ["items"] = items });
        program.Evaluate(activation);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = program.Evaluate(activation);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Two gathered arrays of references (200 and 100 slots) and two list views; a wrapper per element would add 24+ bytes each.
        Assert.That(result.ToString(), Is.EqualTo("100"));
        Assert.That(allocated, Is.LessThan(3200 + 1000));
    }

    private static CelValue Evaluate(string expression, bool fastLoops)
    {
        var types = new Dictionary<string, CelType> { ["x"] = OpenApiTypes.FromSchema(JsonNode.Parse(Schema)!, "x") };
        var env = CelEnvironment.Create(new CelEnvironmentOptions { Variables = types, FastLoops = fastLoops });
        var compiled = env.Compile(expression);
        Assert.That(compiled.Success, Is.True, expression + ": " + string.Join("; ", compiled.Issues));
        return compiled.Program!.Evaluate(new CelActivation(new Dictionary<string, object?> { ["x"] = JsonNode.Parse(Data) }, types));
    }

    private static string Describe(CelValue v) => v is ErrorValue e ? $"error@{e.Offset}: {e.Message}" : v.ToString()!;
}
