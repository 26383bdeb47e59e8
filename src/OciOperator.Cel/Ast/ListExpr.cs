using System.Collections.Immutable;

namespace OciOperator.Cel.Ast;

/// <summary>A list literal; <see cref="OptionalIndices"/> lists the <c>?elem</c> positions.</summary>
public sealed record ListExpr(long Id, int Position, ImmutableArray<Expr> Elements, ImmutableArray<int> OptionalIndices) : Expr(Id, Position);
