using OciOperator.Cel.Ast;
using OciOperator.Cel.Common;

namespace OciOperator.Cel;

/// <summary>The outcome of compiling: a program when there were no errors, and the issues found.</summary>
public sealed record CelCompileResult(CelProgram? Program, IReadOnlyList<CelIssue> Issues, Expr? Ast)
{
    public bool Success => Program is not null && Issues.Count == 0;

    /// <summary>The static cost estimate (set whenever the expression parsed; for checked programs it uses the checked types).</summary>
    public CelCostEstimate? Cost { get; init; }
}
