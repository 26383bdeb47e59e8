using System.ComponentModel.DataAnnotations;
using System.ComponentModel;
using System.Text.Json.Serialization;

namespace OciOperator.Mysql.Api;

/// <summary>Observed storage of the DB system.</summary>
[Description("Observed storage of the DB system.")]
public sealed record DbSystemDataStorageStatus
{
    /// <summary>Whether automatic storage expansion is enabled.</summary>
    [JsonPropertyName("isAutoExpandStorageEnabled")]
    [Description("Whether automatic storage expansion is enabled.")]
    public bool? IsAutoExpandStorageEnabled { get; init; }

    /// <summary>Maximum size automatic expansion may reach, in GB.</summary>
    [JsonPropertyName("maxStorageSizeInGBs")]
    [Range(0, int.MaxValue)]
    [Description("Maximum size automatic expansion may reach, in GB.")]
    public int? MaxStorageSizeInGBs { get; init; }

    /// <summary>Allocated storage, in GB.</summary>
    [JsonPropertyName("allocatedStorageSizeInGBs")]
    [Range(0, int.MaxValue)]
    [Description("Allocated storage, in GB.")]
    public int? AllocatedStorageSizeInGBs { get; init; }

    /// <summary>Data storage size, in GB.</summary>
    [JsonPropertyName("dataStorageSizeInGBs")]
    [Range(0, int.MaxValue)]
    [Description("Data storage size, in GB.")]
    public int? DataStorageSizeInGBs { get; init; }

    /// <summary>Largest size the storage can have, in GB.</summary>
    [JsonPropertyName("dataStorageSizeLimitInGBs")]
    [Range(0, int.MaxValue)]
    [Description("Largest size the storage can have, in GB.")]
    public int? DataStorageSizeLimitInGBs { get; init; }
}
