using OciOperator.Cel.Values;
using OciOperator.ResourceGraph.Checking;

namespace OciOperator.ResourceGraph.Tests.Checking;

public sealed class TypeCompatibilityTests
{
    private static readonly CelType Ref = CelType.Object("ref", new Dictionary<string, CelType> { ["name"] = CelType.String, ["key"] = CelType.String });

    private static IEnumerable<TestCaseData> Cases()
    {
        yield return new TestCaseData(CelType.Int, CelType.Int, null).SetName("same primitive");
        yield return new TestCaseData(CelType.Int, CelType.Dyn, null).SetName("dyn output");
        yield return new TestCaseData(CelType.Dyn, CelType.String, null).SetName("dyn expected");
        yield return new TestCaseData(CelType.String, CelType.Optional(CelType.String), null).SetName("optional unwrapped");
        yield return new TestCaseData(CelType.String, CelType.Null, null).SetName("null fits anything");
        yield return new TestCaseData(CelType.Double, CelType.Int, null).SetName("int fits number");
        yield return new TestCaseData(CelType.Timestamp, CelType.String, null).SetName("string fits date-time");
        yield return new TestCaseData(CelType.Int, CelType.String, "type kind mismatch: got string, expected int").SetName("string is not int");
        yield return new TestCaseData(CelType.List(CelType.String), CelType.List(CelType.Int), "list element type incompatible").SetName("list elements");
        yield return new TestCaseData(CelType.Map(CelType.String, CelType.String), CelType.Map(CelType.String, CelType.Bool), "map value type incompatible").SetName("map values");
        yield return new TestCaseData(Ref, CelType.Map(CelType.String, CelType.String), null).SetName("string map into struct");
        yield return new TestCaseData(Ref, CelType.Map(CelType.String, CelType.Dyn), null).SetName("dyn map into struct");
        yield return new TestCaseData(Ref, CelType.Map(CelType.Int, CelType.String), "map keys must be strings to assign to struct").SetName("int keys into struct");
        yield return new TestCaseData(Ref, CelType.Object("o", new Dictionary<string, CelType> { ["name"] = CelType.String }), null).SetName("struct subset");
        yield return new TestCaseData(Ref, CelType.Object("o", new Dictionary<string, CelType> { ["other"] = CelType.String }),
            "field \"other\" exists in output but not in expected type").SetName("struct extra field");
        yield return new TestCaseData(Ref, CelType.Object("o", new Dictionary<string, CelType> { ["name"] = CelType.Int }),
            "field \"name\" has incompatible type").SetName("struct field type");
        yield return new TestCaseData(CelType.Map(CelType.String, CelType.String), Ref, null).SetName("struct of strings into map");
    }

    [TestCaseSource(nameof(Cases))]
    public void Check_Types_GivesKroReason(CelType expected, CelType output, string? reason)
    {
        var result = TypeCompatibility.Check(expected, output);
        if (reason is null)
        {
            Assert.That(result, Is.Null);
        }
        else
        {
            Assert.That(result, Does.StartWith(reason));
        }
    }
}
