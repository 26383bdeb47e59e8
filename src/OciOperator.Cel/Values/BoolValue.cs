namespace OciOperator.Cel.Values;

public sealed class BoolValue : CelValue
{
    public static readonly BoolValue True = new(true);
    public static readonly BoolValue False = new(false);

    private BoolValue(bool value) => Value = value;

    public bool Value { get; }

    public override CelType Type => CelType.Bool;

    public static BoolValue Of(bool value) => value ? True : False;

    public override object? ToObject() => Value;
}
