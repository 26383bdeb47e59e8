using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OciOperator.Mysql.Api;

/// <summary>Summary of a replication channel of the DB system; its source and target are kept as OCI returns them.</summary>
[Description("Summary of a replication channel of the DB system; its source and target are kept as OCI returns them.")]
public sealed record DbSystemChannelSummary
{
    /// <summary>OCID of the channel.</summary>
    [JsonPropertyName("id")]
    [Description("OCID of the channel.")]
    public string? Id { get; init; }

    /// <summary>OCID of the compartment of the channel.</summary>
    [JsonPropertyName("compartmentId")]
    [Description("OCID of the compartment of the channel.")]
    public string? CompartmentId { get; init; }

    /// <summary>Name of the channel.</summary>
    [JsonPropertyName("displayName")]
    [Description("Name of the channel.")]
    public string? DisplayName { get; init; }

    /// <summary>Whether the channel replicates.</summary>
    [JsonPropertyName("isEnabled")]
    [Description("Whether the channel replicates.")]
    public bool? IsEnabled { get; init; }

    /// <summary>Lifecycle state of the channel.</summary>
    [JsonPropertyName("lifecycleState")]
    [Description("Lifecycle state of the channel.")]
    public string? LifecycleState { get; init; }

    /// <summary>Replication source (free-form, polymorphic in OCI).</summary>
    [JsonPropertyName("source")]
    [Description("Replication source (free-form, polymorphic in OCI).")]
    public JsonElement? Source { get; init; }

    /// <summary>Replication target (free-form, polymorphic in OCI).</summary>
    [JsonPropertyName("target")]
    [Description("Replication target (free-form, polymorphic in OCI).")]
    public JsonElement? Target { get; init; }

    /// <summary>When the channel was created.</summary>
    [JsonPropertyName("timeCreated")]
    [Description("When the channel was created.")]
    public DateTimeOffset? TimeCreated { get; init; }

    /// <summary>Free-form tags of the channel.</summary>
    [JsonPropertyName("freeformTags")]
    [Description("Free-form tags of the channel.")]
    public IDictionary<string, string>? FreeformTags { get; init; }

    /// <summary>Defined tags of the channel.</summary>
    [JsonPropertyName("definedTags")]
    [Description("Defined tags of the channel.")]
    public IDictionary<string, IDictionary<string, string>>? DefinedTags { get; init; }
}
