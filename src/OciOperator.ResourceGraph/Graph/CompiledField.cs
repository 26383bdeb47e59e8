namespace OciOperator.ResourceGraph.Graph;

/// <summary>A template (or externalRef) field whose value comes from an expression; standalone fields take any type.</summary>
public sealed record CompiledField(FieldPath Path, bool Standalone, CompiledExpression Expression);
