using OciOperator.Cel.Ast;
using OciOperator.Cel.Common;

namespace OciOperator.Cel.Parsing;

/// <summary>The outcome of parsing: an AST (when there were no errors) and the issues found.</summary>
public sealed record ParseResult(Expr? Expr, IReadOnlyList<CelIssue> Issues, long MaxId);
