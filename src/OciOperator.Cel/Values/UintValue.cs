namespace OciOperator.Cel.Values;

public sealed class UintValue : CelValue
{
    private static readonly UintValue[] Cache = Enumerable.Range(0, 256).Select(i => new UintValue((ulong)i)).ToArray();

    private UintValue(ulong value) => Value = value;

    public ulong Value { get; }

    public override CelType Type => CelType.Uint;

    public static UintValue Of(ulong value) => value < 256 ? Cache[value] : new UintValue(value);

    public override object? ToObject() => Value;
}
