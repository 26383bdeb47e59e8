namespace OciOperator.Cel.Values;

/// <summary>A type as a runtime value (the result of <c>type(x)</c> or a type identifier).</summary>
public sealed class TypeValue : CelValue
{
    public TypeValue(CelType value) => Value = value;

    public CelType Value { get; }

    public override CelType Type => CelType.TypeOfDyn;

    public override object? ToObject() => Value.Name;
}
