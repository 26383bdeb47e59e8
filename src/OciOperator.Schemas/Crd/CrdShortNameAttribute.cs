namespace OciOperator.Schemas.Crd;

/// <summary>Adds a short name (<c>spec.names.shortNames</c>) to a custom resource type's CRD.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class CrdShortNameAttribute(string name) : Attribute
{
    /// <summary>The short name.</summary>
    public string Name { get; } = name;
}
