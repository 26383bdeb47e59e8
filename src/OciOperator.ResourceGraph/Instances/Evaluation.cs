using System.Text.Json.Nodes;

namespace OciOperator.ResourceGraph.Instances;

/// <summary>The result of one expression: a value, <c>omit()</c>, data pending, or an error.</summary>
internal readonly record struct Evaluation(JsonNode? Value, bool Omit, string? Problem, bool Pending)
{
    public bool Ok => Problem is null;

    public static Evaluation Of(JsonNode? value) => new(value, false, null, false);

    public static Evaluation Omitted => new(null, true, null, false);

    public static Evaluation Waiting(string message) => new(null, false, message, true);

    public static Evaluation Error(string message) => new(null, false, message, false);
}
