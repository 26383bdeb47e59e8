namespace OciOperator.Cel.Ast;

/// <summary>A comprehension (the expansion target of macros), with an optional second iteration variable.</summary>
public sealed record ComprehensionExpr(
    long Id,
    int Position,
    string IterVar,
    string? IterVar2,
    Expr IterRange,
    string AccuVar,
    Expr AccuInit,
    Expr LoopCondition,
    Expr LoopStep,
    Expr Result) : Expr(Id, Position);
