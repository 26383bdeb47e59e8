namespace OciOperator.Cel.Ast;

/// <summary>One <c>key: value</c> (or <c>?key: value</c>) entry of a map literal.</summary>
public sealed record MapEntry(long Id, Expr Key, Expr Value, bool Optional);
