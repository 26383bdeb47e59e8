using System.Text.Json.Serialization;
using OciOperator.Oci.Serialization;

namespace OciOperator.Oci.Mysql;

/// <summary>ListDbSystems sort field. String-backed: unknown values are kept (<see cref="IsKnown"/> is false).</summary>
[JsonConverter(typeof(OciEnumJsonConverter<DbSystemSortBy>))]
public readonly record struct DbSystemSortBy(string Value) : IOciEnum<DbSystemSortBy>
{
    /// <summary><c>displayName</c>.</summary>
    public static DbSystemSortBy DisplayName { get; } = new("displayName");

    /// <summary><c>timeCreated</c>.</summary>
    public static DbSystemSortBy TimeCreated { get; } = new("timeCreated");

    /// <summary>The values this client knows.</summary>
    public static IReadOnlyList<DbSystemSortBy> Known { get; } = [DisplayName, TimeCreated];

    /// <summary>False when the service sent a value this client does not know.</summary>
    public bool IsKnown => Known.Contains(this);

    /// <inheritdoc />
    public static DbSystemSortBy FromValue(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
