namespace OciOperator.Schemas.Crd;

/// <summary>
/// Declares one <c>additionalPrinterColumns</c> entry of a custom resource type's CRD. Columns are written in
/// ascending <see cref="Order"/> (reflection does not keep attribute order).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class CrdPrinterColumnAttribute(int order, string name, string type, string jsonPath) : Attribute
{
    /// <summary>Position of the column among the type's columns.</summary>
    public int Order { get; } = order;

    /// <summary>Column header, e.g. <c>Status</c>.</summary>
    public string Name { get; } = name;

    /// <summary>OpenAPI type of the cell: <c>string</c>, <c>integer</c>, <c>number</c>, <c>boolean</c> or <c>date</c>.</summary>
    public string Type { get; } = type;

    /// <summary>JSONPath evaluated against the object, e.g. <c>.status.lifecycleState</c>.</summary>
    public string JsonPath { get; } = jsonPath;

    /// <summary>0 shows the column always; a higher value only with <c>kubectl get -o wide</c>.</summary>
    public int Priority { get; init; }

    /// <summary>Optional description of the column.</summary>
    public string? Description { get; init; }

    /// <summary>Optional OpenAPI format of the cell.</summary>
    public string? Format { get; init; }
}
