using System.ComponentModel.DataAnnotations;
using System.ComponentModel;
using System.Text.Json.Serialization;

namespace OciOperator.Mysql.Api;

/// <summary>Summary of the HeatWave cluster attached to the DB system.</summary>
[Description("Summary of the HeatWave cluster attached to the DB system.")]
public sealed record DbSystemHeatWaveCluster
{
    /// <summary>Shape of the HeatWave nodes.</summary>
    [JsonPropertyName("shapeName")]
    [Description("Shape of the HeatWave nodes.")]
    public string? ShapeName { get; init; }

    /// <summary>Number of HeatWave nodes.</summary>
    [JsonPropertyName("clusterSize")]
    [Range(0, int.MaxValue)]
    [Description("Number of HeatWave nodes.")]
    public int? ClusterSize { get; init; }

    /// <summary>Lifecycle state of the cluster.</summary>
    [JsonPropertyName("lifecycleState")]
    [Description("Lifecycle state of the cluster.")]
    public string? LifecycleState { get; init; }

    /// <summary>When the cluster was created.</summary>
    [JsonPropertyName("timeCreated")]
    [Description("When the cluster was created.")]
    public DateTimeOffset? TimeCreated { get; init; }

    /// <summary>When the cluster was last updated.</summary>
    [JsonPropertyName("timeUpdated")]
    [Description("When the cluster was last updated.")]
    public DateTimeOffset? TimeUpdated { get; init; }

    /// <summary>Whether Lakehouse is enabled.</summary>
    [JsonPropertyName("isLakehouseEnabled")]
    [Description("Whether Lakehouse is enabled.")]
    public bool? IsLakehouseEnabled { get; init; }
}
