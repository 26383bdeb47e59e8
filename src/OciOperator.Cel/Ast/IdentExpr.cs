namespace OciOperator.Cel.Ast;

/// <summary>An identifier (a leading '.' is kept in the name for root-scoped references).</summary>
public sealed record IdentExpr(long Id, int Position, string Name) : Expr(Id, Position);
