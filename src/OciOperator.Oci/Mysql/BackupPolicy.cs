using System.Text.Json;

namespace OciOperator.Oci.Mysql;

/// <summary>Backup policy.</summary>
public sealed record BackupPolicy
{
    public bool? IsEnabled { get; init; }

    public EnabledState? SoftDelete { get; init; }

    public IReadOnlyList<CopyPolicy>? CopyPolicies { get; init; }

    public string? WindowStartTime { get; init; }

    public int? RetentionInDays { get; init; }

    public IReadOnlyDictionary<string, string>? FreeformTags { get; init; }

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, JsonElement>>? DefinedTags { get; init; }

    public PitrPolicy? PitrPolicy { get; init; }
}
