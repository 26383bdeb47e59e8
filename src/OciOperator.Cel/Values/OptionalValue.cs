namespace OciOperator.Cel.Values;

public sealed class OptionalValue : CelValue
{
    public static readonly OptionalValue None = new(null);

    private OptionalValue(CelValue? value) => Value = value;

    /// <summary>The wrapped value, or null when the optional is empty.</summary>
    public CelValue? Value { get; }

    public bool HasValue => Value is not null;

    public override CelType Type => CelType.OptionalOfDyn;

    public static OptionalValue Of(CelValue value) => new(value);

    public override object? ToObject() => Value?.ToObject();
}
