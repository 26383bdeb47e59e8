using System.ComponentModel;
using System.Text.Json.Serialization;

namespace OciOperator.Mysql.Api;

/// <summary>
/// What the operator last applied to OCI for this resource. Updates compare the desired spec with this record, not with
/// live OCI values, so OCI-side normalisation (a suffix-only availability domain expanded, an auto-upgraded
/// <c>mysqlVersion</c>) is never mistaken for drift. Holds no secret values: credentials are tracked by the
/// <c>resourceVersion</c> of the Secret they were read from, and a changed version means the value is re-read and, for
/// the password, sent again.
/// </summary>
[Description(
    "What the operator last applied to OCI for this resource. Updates compare the desired spec with this " +
    "record, not with live OCI values, so OCI-side normalisation (a suffix-only availability domain " +
    "expanded, an auto-upgraded mysqlVersion) is never mistaken for drift. Holds no secret values: " +
    "credentials are tracked by the resourceVersion of the Secret they were read from, and a changed " +
    "version means the value is re-read and, for the password, sent again.")]
public sealed record DbSystemLastApplied
{
    /// <summary><c>metadata.generation</c> of the spec that was applied.</summary>
    [JsonPropertyName("generation")]
    [Description("metadata.generation of the spec that was applied.")]
    public long? Generation { get; init; }

    /// <summary>The spec as last sent to OCI (by CreateDbSystem or UpdateDbSystem).</summary>
    [JsonPropertyName("spec")]
    [Description("The spec as last sent to OCI (by CreateDbSystem or UpdateDbSystem).")]
    public DbSystemSpec? Spec { get; init; }

    /// <summary><c>resourceVersion</c> of the admin username Secret when it was last read and applied.</summary>
    [JsonPropertyName("adminUsernameSecretVersion")]
    [Description("resourceVersion of the admin username Secret when it was last read and applied.")]
    public string? AdminUsernameSecretVersion { get; init; }

    /// <summary><c>resourceVersion</c> of the admin password Secret when it was last read and applied.</summary>
    [JsonPropertyName("adminPasswordSecretVersion")]
    [Description("resourceVersion of the admin password Secret when it was last read and applied.")]
    public string? AdminPasswordSecretVersion { get; init; }

    /// <summary>When the spec was applied.</summary>
    [JsonPropertyName("time")]
    [Description("When the spec was applied.")]
    public DateTimeOffset? Time { get; init; }
}
