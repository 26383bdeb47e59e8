using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Patching;

namespace OciOperator.Sandbox.Kube.Tests.Patching;

/// <summary>Structural JSON comparison for patch tests (member order ignored, numbers by value).</summary>
internal static class JsonAssert
{
    public static JsonNode? Parse(string json) => JsonNode.Parse(json);

    public static JsonObject Obj(string json) => (JsonObject)JsonNode.Parse(json)!;

    public static void AreEqual(JsonNode? actual, string expectedJson)
    {
        var expected = JsonNode.Parse(expectedJson);
        Assert.That(
            JsonEquality.Equal(actual, expected),
            Is.True,
            $"expected {expected?.ToJsonString() ?? "null"}{Environment.NewLine}  actual {actual?.ToJsonString() ?? "null"}");
    }
}
