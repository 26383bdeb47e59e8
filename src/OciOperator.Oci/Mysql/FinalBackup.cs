using System.Text.Json.Serialization;
using OciOperator.Oci.Serialization;

namespace OciOperator.Oci.Mysql;

/// <summary>Whether a final backup is taken on delete. String-backed: unknown values are kept (<see cref="IsKnown"/> is false).</summary>
[JsonConverter(typeof(OciEnumJsonConverter<FinalBackup>))]
public readonly record struct FinalBackup(string Value) : IOciEnum<FinalBackup>
{
    /// <summary><c>SKIP_FINAL_BACKUP</c>.</summary>
    public static FinalBackup SkipFinalBackup { get; } = new("SKIP_FINAL_BACKUP");

    /// <summary><c>REQUIRE_FINAL_BACKUP</c>.</summary>
    public static FinalBackup RequireFinalBackup { get; } = new("REQUIRE_FINAL_BACKUP");

    /// <summary>The values this client knows.</summary>
    public static IReadOnlyList<FinalBackup> Known { get; } = [SkipFinalBackup, RequireFinalBackup];

    /// <summary>False when the service sent a value this client does not know.</summary>
    public bool IsKnown => Known.Contains(this);

    /// <inheritdoc />
    public static FinalBackup FromValue(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
