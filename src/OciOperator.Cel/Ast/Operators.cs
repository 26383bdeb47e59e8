namespace OciOperator.Cel.Ast;

/// <summary>Internal function names of CEL operators.</summary>
public static class Operators
{
    public const string Conditional = "_?_:_";
    public const string LogicalAnd = "_&&_";
    public const string LogicalOr = "_||_";
    public const string LogicalNot = "!_";
    public new const string Equals = "_==_";
    public const string NotEquals = "_!=_";
    public const string Less = "_<_";
    public const string LessEquals = "_<=_";
    public const string Greater = "_>_";
    public const string GreaterEquals = "_>=_";
    public const string Add = "_+_";
    public const string Subtract = "_-_";
    public const string Multiply = "_*_";
    public const string Divide = "_/_";
    public const string Modulo = "_%_";
    public const string Negate = "-_";
    public const string Index = "_[_]";
    public const string OptIndex = "_[?_]";
    public const string OptSelect = "_?._";
    public const string In = "@in";
    public const string NotStrictlyFalse = "@not_strictly_false";
}
