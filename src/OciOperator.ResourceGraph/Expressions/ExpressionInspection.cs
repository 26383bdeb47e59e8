namespace OciOperator.ResourceGraph.Expressions;

/// <summary>What an expression refers to: free identifiers (roots of references), functions it calls, and omit() use.</summary>
internal sealed record ExpressionInspection(
    IReadOnlyList<string> Identifiers,
    IReadOnlyList<string> UnknownFunctions,
    bool UsesOmit);
