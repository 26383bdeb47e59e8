using System.Text.Json.Serialization;
using OciOperator.Oci.Serialization;

namespace OciOperator.Oci.Mysql;

/// <summary>Database mode. String-backed: unknown values are kept (<see cref="IsKnown"/> is false).</summary>
[JsonConverter(typeof(OciEnumJsonConverter<DatabaseMode>))]
public readonly record struct DatabaseMode(string Value) : IOciEnum<DatabaseMode>
{
    /// <summary><c>READ_WRITE</c>.</summary>
    public static DatabaseMode ReadWrite { get; } = new("READ_WRITE");

    /// <summary><c>READ_ONLY</c>.</summary>
    public static DatabaseMode ReadOnly { get; } = new("READ_ONLY");

    /// <summary>The values this client knows.</summary>
    public static IReadOnlyList<DatabaseMode> Known { get; } = [ReadWrite, ReadOnly];

    /// <summary>False when the service sent a value this client does not know.</summary>
    public bool IsKnown => Known.Contains(this);

    /// <inheritdoc />
    public static DatabaseMode FromValue(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
