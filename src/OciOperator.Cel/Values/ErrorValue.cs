namespace OciOperator.Cel.Values;

/// <summary>An evaluation error carried as a value, so that logical operators can absorb it.</summary>
public sealed class ErrorValue : CelValue
{
    public ErrorValue(string message) => Message = message;

    public string Message { get; }

    public override CelType Type => CelType.Error;

    public static ErrorValue NoSuchOverload(string function) => new($"no such overload: {function}");

    public static ErrorValue NoSuchKey(CelValue key) => new($"no such key: {CelValueFormatter.Format(key)}");

    public static ErrorValue Overflow(string op) => new($"integer overflow in {op}");

    public override object? ToObject() => Message;
}
