namespace OciOperator.ResourceGraph.Graph;

/// <summary>One forEach dimension: the iterator name and the list expression it walks.</summary>
public sealed record CompiledForEach(string Name, CompiledExpression Expression);
