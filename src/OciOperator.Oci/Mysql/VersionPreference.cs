using System.Text.Json.Serialization;
using OciOperator.Oci.Serialization;

namespace OciOperator.Oci.Mysql;

/// <summary>Maintenance version preference. String-backed: unknown values are kept (<see cref="IsKnown"/> is false).</summary>
[JsonConverter(typeof(OciEnumJsonConverter<VersionPreference>))]
public readonly record struct VersionPreference(string Value) : IOciEnum<VersionPreference>
{
    /// <summary><c>OLDEST</c>.</summary>
    public static VersionPreference Oldest { get; } = new("OLDEST");

    /// <summary><c>SECOND_NEWEST</c>.</summary>
    public static VersionPreference SecondNewest { get; } = new("SECOND_NEWEST");

    /// <summary><c>NEWEST</c>.</summary>
    public static VersionPreference Newest { get; } = new("NEWEST");

    /// <summary>The values this client knows.</summary>
    public static IReadOnlyList<VersionPreference> Known { get; } = [Oldest, SecondNewest, Newest];

    /// <summary>False when the service sent a value this client does not know.</summary>
    public bool IsKnown => Known.Contains(this);

    /// <inheritdoc />
    public static VersionPreference FromValue(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
