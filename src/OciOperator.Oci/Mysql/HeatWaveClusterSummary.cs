namespace OciOperator.Oci.Mysql;

/// <summary>The attached HeatWave cluster.</summary>
public sealed record HeatWaveClusterSummary
{
    public string? ShapeName { get; init; }

    public int? ClusterSize { get; init; }

    public DbSystemLifecycleState? LifecycleState { get; init; }

    public DateTimeOffset? TimeCreated { get; init; }

    public DateTimeOffset? TimeUpdated { get; init; }

    public bool? IsLakehouseEnabled { get; init; }
}
