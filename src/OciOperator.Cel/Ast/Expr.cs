namespace OciOperator.Cel.Ast;

/// <summary>A CEL expression node. Every node has a unique id and the source offset where it starts.</summary>
public abstract record Expr(long Id, int Position);
