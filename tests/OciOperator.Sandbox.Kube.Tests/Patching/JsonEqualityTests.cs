using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Patching;

namespace OciOperator.Sandbox.Kube.Tests.Patching;

public sealed class JsonEqualityTests
{
    private static readonly TestCaseData[] Pairs =
    [
        new TestCaseData("1", "1.0", true).SetName("Equal_IntegerAndDecimalSameValue_True"),
        new TestCaseData("1e2", "100", true).SetName("Equal_ExponentForm_True"),
        new TestCaseData("10", "\"10\"", false).SetName("Equal_NumberAndString_False"),
        new TestCaseData("\"\\u00e9\"", "\"é\"", true).SetName("Equal_EscapedAndLiteralString_True"),
        new TestCaseData("""{"a":1,"b":2}""", """{"b":2,"a":1}""", true).SetName("Equal_MemberOrder_Ignored"),
        new TestCaseData("""[1,2]""", """[2,1]""", false).SetName("Equal_ArrayOrder_Matters"),
        new TestCaseData("""{"a":null}""", """{}""", false).SetName("Equal_NullMemberVersusMissing_False"),
        new TestCaseData("null", "null", true).SetName("Equal_BothNull_True"),
        new TestCaseData("true", "false", false).SetName("Equal_DifferentBooleans_False"),
    ];

    [TestCaseSource(nameof(Pairs))]
    public void Equal_Pair_ComparesStructurally(string left, string right, bool expected)
    {
        Assert.That(JsonEquality.Equal(JsonNode.Parse(left), JsonNode.Parse(right)), Is.EqualTo(expected));
    }

    [Test]
    public void Equal_ValueBackedByClrString_EqualsParsedString()
    {
        Assert.That(JsonEquality.Equal(JsonValue.Create("2025-01-01T00:00:00Z"), JsonNode.Parse("\"2025-01-01T00:00:00Z\"")), Is.True);
    }
}
