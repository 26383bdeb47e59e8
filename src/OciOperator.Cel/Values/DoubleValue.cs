namespace OciOperator.Cel.Values;

public sealed class DoubleValue : CelValue
{
    public DoubleValue(double value) => Value = value;

    public double Value { get; }

    public override CelType Type => CelType.Double;

    public static DoubleValue Of(double value) => new(value);

    public override object? ToObject() => Value;
}
