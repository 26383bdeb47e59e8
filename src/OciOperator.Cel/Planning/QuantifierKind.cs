namespace OciOperator.Cel.Planning;

/// <summary>The comprehension macros that <see cref="QuantifierNode"/> runs as one loop.</summary>
internal enum QuantifierKind
{
    All,
    Exists,
    ExistsOne,
}
