namespace OciOperator.Cel.Values;

public sealed class BytesValue : CelValue
{
    public static readonly BytesValue Empty = new([]);

    public BytesValue(byte[] value) => Value = value;

    /// <summary>The bytes; never mutated after construction.</summary>
    public ReadOnlyMemory<byte> Value { get; }

    public override CelType Type => CelType.Bytes;

    public override object? ToObject() => Value.ToArray();
}
