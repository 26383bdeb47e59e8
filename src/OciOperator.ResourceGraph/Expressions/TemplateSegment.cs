namespace OciOperator.ResourceGraph.Expressions;

/// <summary>A piece of a string field: literal text, or the CEL source of one <c>${...}</c> (without the delimiters).</summary>
public readonly record struct TemplateSegment(string Text, bool IsExpression);
