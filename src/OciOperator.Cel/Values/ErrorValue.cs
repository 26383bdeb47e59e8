namespace OciOperator.Cel.Values;

/// <summary>An evaluation error carried as a value, so that logical operators can absorb it.</summary>
public sealed class ErrorValue : CelValue
{
    public ErrorValue(string message)
        : this(message, -1)
    {
    }

    public ErrorValue(string message, int offset)
    {
        Message = message;
        Offset = offset;
    }

    public string Message { get; }

    /// <summary>
    /// The 0-based source offset of the expression node that produced the error (the operator, the '.' of a field
    /// selection, the start of a literal), or -1 when unknown (e.g. a value built outside of a program).
    /// </summary>
    public int Offset { get; }

    public override CelType Type => CelType.Error;

    public static ErrorValue NoSuchOverload(string function) => new($"no such overload: {function}");

    public static ErrorValue NoSuchKey(CelValue key) => new($"no such key: {CelValueFormatter.Format(key)}");

    public static ErrorValue Overflow(string op) => new($"integer overflow in {op}");

    /// <summary>This error located at <paramref name="offset"/> unless it already has a location (the innermost wins).</summary>
    public ErrorValue At(int offset) => Offset >= 0 || offset < 0 ? this : new ErrorValue(Message, offset);

    public override object? ToObject() => Message;
}
