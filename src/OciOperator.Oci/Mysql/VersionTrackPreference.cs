using System.Text.Json.Serialization;
using OciOperator.Oci.Serialization;

namespace OciOperator.Oci.Mysql;

/// <summary>Maintenance version track. String-backed: unknown values are kept (<see cref="IsKnown"/> is false).</summary>
[JsonConverter(typeof(OciEnumJsonConverter<VersionTrackPreference>))]
public readonly record struct VersionTrackPreference(string Value) : IOciEnum<VersionTrackPreference>
{
    /// <summary><c>LONG_TERM_SUPPORT</c>.</summary>
    public static VersionTrackPreference LongTermSupport { get; } = new("LONG_TERM_SUPPORT");

    /// <summary><c>INNOVATION</c>.</summary>
    public static VersionTrackPreference Innovation { get; } = new("INNOVATION");

    /// <summary><c>FOLLOW</c>.</summary>
    public static VersionTrackPreference Follow { get; } = new("FOLLOW");

    /// <summary>The values this client knows.</summary>
    public static IReadOnlyList<VersionTrackPreference> Known { get; } = [LongTermSupport, Innovation, Follow];

    /// <summary>False when the service sent a value this client does not know.</summary>
    public bool IsKnown => Known.Contains(this);

    /// <inheritdoc />
    public static VersionTrackPreference FromValue(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
