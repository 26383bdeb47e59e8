namespace OciOperator.Oci.Mysql;

/// <summary>ListDbSystems filters (oci.md §5.1). Only set filters are sent.</summary>
public sealed record ListDbSystemsRequest(string CompartmentId)
{
    public bool? IsHeatWaveClusterAttached { get; init; }

    public string? DbSystemId { get; init; }

    /// <summary>Exact display name.</summary>
    public string? DisplayName { get; init; }

    public DbSystemLifecycleState? LifecycleState { get; init; }

    public string? ConfigurationId { get; init; }

    public bool? IsUpToDate { get; init; }

    /// <summary>Repeatable filter.</summary>
    public IReadOnlyList<EnabledState>? DatabaseManagement { get; init; }

    public DbSystemSortBy? SortBy { get; init; }

    public SortOrder? SortOrder { get; init; }

    public int? Limit { get; init; }

    /// <summary>The <c>opc-next-page</c> of the previous page.</summary>
    public string? Page { get; init; }
}
