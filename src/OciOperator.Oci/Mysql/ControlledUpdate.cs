using System.Text.Json;

namespace OciOperator.Oci.Mysql;

/// <summary>Controlled update details.</summary>
public sealed record ControlledUpdate
{
    public string? TargetMysqlVersion { get; init; }

    public JsonElement? TargetDbInstances { get; init; }
}
