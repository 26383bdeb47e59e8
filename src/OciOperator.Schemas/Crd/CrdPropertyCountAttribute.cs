namespace OciOperator.Schemas.Crd;

/// <summary>
/// Bounds the number of entries of a map (<c>minProperties</c>/<c>maxProperties</c>); on a list of maps it bounds each
/// item, like the value markers of <see cref="OpenApiSchemaGenerator"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class CrdPropertyCountAttribute(int minimum, int maximum) : Attribute
{
    /// <summary>The least number of entries.</summary>
    public int Minimum { get; } = minimum;

    /// <summary>The most entries.</summary>
    public int Maximum { get; } = maximum;
}
