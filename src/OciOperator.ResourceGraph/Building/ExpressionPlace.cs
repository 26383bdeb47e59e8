namespace OciOperator.ResourceGraph.Building;

/// <summary>Where an expression sits; each place has its own variables in scope (kro.md §4.3).</summary>
internal enum ExpressionPlace
{
    Template,
    IncludeWhen,
    ReadyWhen,
    ForEach,
    Status,
    Condition,
}
