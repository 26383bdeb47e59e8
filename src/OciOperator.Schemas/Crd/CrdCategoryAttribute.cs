namespace OciOperator.Schemas.Crd;

/// <summary>
/// Adds a category (<c>spec.names.categories</c>, e.g. <c>kubectl get oci</c>) to a custom resource type's CRD.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class CrdCategoryAttribute(string name) : Attribute
{
    /// <summary>The category name.</summary>
    public string Name { get; } = name;
}
