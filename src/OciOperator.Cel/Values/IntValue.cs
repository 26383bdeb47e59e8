namespace OciOperator.Cel.Values;

public sealed class IntValue : CelValue
{
    private static readonly IntValue[] Cache = CreateCache();

    private IntValue(long value) => Value = value;

    public long Value { get; }

    public override CelType Type => CelType.Int;

    public static IntValue Of(long value) => value is >= -128 and < 1024 ? Cache[value + 128] : new IntValue(value);

    public override object? ToObject() => Value;

    private static IntValue[] CreateCache()
    {
        var cache = new IntValue[1024 + 128];
        for (var i = 0; i < cache.Length; i++)
        {
            cache[i] = new IntValue(i - 128);
        }

        return cache;
    }
}
