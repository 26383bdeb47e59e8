namespace OciOperator.ResourceGraph.Graph;

/// <summary>One step of a <see cref="FieldPath"/>: a map key, or (when <see cref="Key"/> is null) a list index.</summary>
public readonly record struct FieldPathSegment(string? Key, int Index);
