namespace OciOperator.Cel.Ast;

/// <summary>Field selection <c>a.f</c>; <see cref="TestOnly"/> marks the <c>has(a.f)</c> form.</summary>
public sealed record SelectExpr(long Id, int Position, Expr Operand, string Field, bool TestOnly) : Expr(Id, Position);
