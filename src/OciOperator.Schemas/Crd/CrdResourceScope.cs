namespace OciOperator.Schemas.Crd;

/// <summary>The scope of a custom resource (<c>spec.scope</c> of its CRD).</summary>
public enum CrdResourceScope
{
    /// <summary>Objects live in a namespace.</summary>
    Namespaced,

    /// <summary>Objects are cluster-wide.</summary>
    Cluster,
}
