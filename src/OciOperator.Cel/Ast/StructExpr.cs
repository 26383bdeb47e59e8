using System.Collections.Immutable;

namespace OciOperator.Cel.Ast;

/// <summary>A message construction <c>T{f: v}</c> (parsed; evaluation needs message types, which we do not provide).</summary>
public sealed record StructExpr(long Id, int Position, string TypeName, ImmutableArray<StructField> Fields) : Expr(Id, Position);
