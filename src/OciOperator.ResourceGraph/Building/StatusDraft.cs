using System.Text.Json.Nodes;
using OciOperator.ResourceGraph.Graph;

namespace OciOperator.ResourceGraph.Building;

/// <summary>The status part of a build: the inferred schema properties and the compiled fields and conditions.</summary>
internal sealed record StatusDraft(JsonObject Properties, IReadOnlyList<CompiledStatusField> Fields, IReadOnlyList<CompiledExpression> Conditions);
