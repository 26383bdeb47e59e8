using System.Text.Json.Nodes;

namespace OciOperator.Benchmarks.Cel;

/// <summary>One expression of the comparison: its variables (JSON) and the same logic written by hand over that JSON.</summary>
public sealed record CelEngineCase(string Name, string Expression, IReadOnlyDictionary<string, JsonNode> Variables, Func<IReadOnlyDictionary<string, JsonNode>, object?> Floor)
{
    public override string ToString() => Name;
}
