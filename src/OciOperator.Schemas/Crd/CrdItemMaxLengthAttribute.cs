namespace OciOperator.Schemas.Crd;

/// <summary>
/// Bounds the length of each string item of a list (<c>items.maxLength</c>); <see cref="System.ComponentModel.DataAnnotations.MaxLengthAttribute"/>
/// on a list bounds its item count instead.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class CrdItemMaxLengthAttribute(int length) : Attribute
{
    /// <summary>The longest item.</summary>
    public int Length { get; } = length;
}
