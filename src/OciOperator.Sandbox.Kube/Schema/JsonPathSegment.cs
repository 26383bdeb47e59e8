using System.Text.Json.Nodes;

namespace OciOperator.Sandbox.Kube.Schema;

/// <summary>One step of a parsed Kubernetes JSONPath.</summary>
internal abstract record JsonPathSegment
{
    /// <summary><c>.name</c> or <c>['name']</c>; several names for a union <c>['a','b']</c>.</summary>
    public sealed record Field(IReadOnlyList<string> Names) : JsonPathSegment;

    /// <summary><c>.*</c> or <c>[*]</c>: every element or member value.</summary>
    public sealed record Wildcard : JsonPathSegment;

    /// <summary><c>..</c>: the current nodes and all their descendants.</summary>
    public sealed record RecursiveDescent : JsonPathSegment;

    /// <summary><c>[0]</c>, <c>[-1]</c> or a union <c>[0,2]</c>.</summary>
    public sealed record Index(IReadOnlyList<int> Indices) : JsonPathSegment;

    /// <summary><c>[start:end:step]</c> (each optional).</summary>
    public sealed record Slice(int? Start, int? End, int? Step) : JsonPathSegment;

    /// <summary><c>[?(@.a.b == "x")]</c>, or an existence test when <paramref name="Operator"/> is null.</summary>
    public sealed record Filter(IReadOnlyList<JsonPathSegment> Left, string? Operator, JsonNode? Literal, IReadOnlyList<JsonPathSegment>? RightPath) : JsonPathSegment;
}
