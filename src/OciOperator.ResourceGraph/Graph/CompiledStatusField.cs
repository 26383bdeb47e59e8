namespace OciOperator.ResourceGraph.Graph;

/// <summary>An instance status field (under <c>status</c>) and the expression that computes it.</summary>
public sealed record CompiledStatusField(FieldPath Path, bool Standalone, CompiledExpression Expression);
