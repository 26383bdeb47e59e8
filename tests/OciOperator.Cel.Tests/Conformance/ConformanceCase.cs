using System.Text.Json.Nodes;

namespace OciOperator.Cel.Tests.Conformance;

/// <summary>One upstream cel-spec conformance test (converted JSON form).</summary>
public sealed record ConformanceCase(string File, string Id, JsonObject Test)
{
    public override string ToString() => Id;
}
