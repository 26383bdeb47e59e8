namespace OciOperator.ResourceGraph.Schemas;

/// <summary>What a schema lookup found.</summary>
public enum ResourceSchemaStatus
{
    /// <summary>The kind is known: its schema and scope are there.</summary>
    Found,

    /// <summary>The kind belongs to a custom group whose CRD is not installed yet; the graph waits for it (kro #1292).</summary>
    WaitingForCrd,

    /// <summary>The kind is not known and will not appear by itself (a built-in group, or a version the CRD does not serve).</summary>
    NotFound,
}
