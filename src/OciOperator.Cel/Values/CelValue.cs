namespace OciOperator.Cel.Values;

/// <summary>A CEL runtime value. Errors are values too (<see cref="ErrorValue"/>).</summary>
public abstract class CelValue
{
    /// <summary>The runtime type of the value.</summary>
    public abstract CelType Type { get; }

    public bool IsError => this is ErrorValue;

    /// <summary>The value as a .NET object (for hosts and debugging).</summary>
    public abstract object? ToObject();

    public override string ToString() => CelValueFormatter.Format(this);
}
