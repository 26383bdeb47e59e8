using System.ComponentModel.DataAnnotations;
using System.ComponentModel;
using System.Text.Json.Serialization;

namespace OciOperator.Mysql.Api;

/// <summary>Storage settings of a DB system (spec).</summary>
[Description("Storage settings of a DB system (spec).")]
public sealed record DbSystemDataStorage
{
    /// <summary>Enables automatic storage expansion.</summary>
    [JsonPropertyName("isAutoExpandStorageEnabled")]
    [Description("Enables automatic storage expansion.")]
    public bool? IsAutoExpandStorageEnabled { get; init; }

    /// <summary>Maximum storage size, in GB, that automatic expansion may reach.</summary>
    [JsonPropertyName("maxStorageSizeInGBs")]
    [Range(50, 131072)]
    [Description("Maximum storage size, in GB, that automatic expansion may reach.")]
    public int? MaxStorageSizeInGBs { get; init; }
}
