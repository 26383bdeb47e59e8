using System.Collections.Immutable;

namespace OciOperator.Cel.Ast;

/// <summary>A map literal.</summary>
public sealed record MapExpr(long Id, int Position, ImmutableArray<MapEntry> Entries) : Expr(Id, Position);
