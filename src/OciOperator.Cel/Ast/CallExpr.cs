using System.Collections.Immutable;

namespace OciOperator.Cel.Ast;

/// <summary>A function call; operators are calls too (e.g. <c>_+_</c>). <see cref="Target"/> is set for member calls.</summary>
public sealed record CallExpr(long Id, int Position, Expr? Target, string Function, ImmutableArray<Expr> Args) : Expr(Id, Position);
