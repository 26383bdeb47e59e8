namespace OciOperator.Schemas.Crd;

/// <summary>
/// Declares the scope of a custom resource type; without it the CRD generator uses <see
/// cref="CrdResourceScope.Namespaced"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class CrdScopeAttribute(CrdResourceScope scope) : Attribute
{
    /// <summary>The scope written to the CRD.</summary>
    public CrdResourceScope Scope { get; } = scope;
}
