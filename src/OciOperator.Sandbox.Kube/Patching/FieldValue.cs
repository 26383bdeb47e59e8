using System.Text.Json.Nodes;

namespace OciOperator.Sandbox.Kube.Patching;

/// <summary>What an object holds at one <see cref="FieldPath"/>: a leaf value, or a list item (compared by its children).</summary>
internal readonly record struct FieldValue(JsonNode? Value, bool IsItem);
