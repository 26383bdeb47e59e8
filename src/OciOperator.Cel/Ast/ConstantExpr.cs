using OciOperator.Cel.Values;

namespace OciOperator.Cel.Ast;

/// <summary>A literal.</summary>
public sealed record ConstantExpr(long Id, int Position, CelValue Value) : Expr(Id, Position);
