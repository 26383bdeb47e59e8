namespace OciOperator.Cel.Ast;

/// <summary>One field initialiser of a message construction.</summary>
public sealed record StructField(long Id, string Name, Expr Value, bool Optional);
