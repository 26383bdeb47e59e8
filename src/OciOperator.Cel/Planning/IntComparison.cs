namespace OciOperator.Cel.Planning;

/// <summary>
/// A comparison with an int literal on the right (<c>status.succeeded &gt; 0</c>, <c>x.size() == 1</c>) whose overload for
/// two ints is bound at plan time: the standard library's, chosen exactly as run-time dispatch would choose it (the first
/// overload that accepts two ints). An int on the left is then compared directly, with no dispatch.
/// </summary>
internal enum IntComparison : byte
{
    None,
    Less,
    LessEquals,
    Greater,
    GreaterEquals,
    Equals,
    NotEquals,
}
