namespace OciOperator.ResourceGraph.Api.RgdCrdTypes;

/// <summary><c>spec.schema.scope</c>: the scope of the generated instance CRD.</summary>
public enum RgdCrdScope
{
    /// <summary>Instances live in a namespace (the default).</summary>
    Namespaced,

    /// <summary>Instances are cluster-wide.</summary>
    Cluster,
}
