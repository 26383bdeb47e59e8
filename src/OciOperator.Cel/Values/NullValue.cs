namespace OciOperator.Cel.Values;

public sealed class NullValue : CelValue
{
    public static readonly NullValue Instance = new();

    private NullValue()
    {
    }

    public override CelType Type => CelType.Null;

    public override object? ToObject() => null;
}
