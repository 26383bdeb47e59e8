using System.Text.Json.Serialization;
using OciOperator.Oci.Serialization;

namespace OciOperator.Oci.Mysql;

/// <summary>Source of a new DbSystem. String-backed: unknown values are kept (<see cref="IsKnown"/> is false).</summary>
[JsonConverter(typeof(OciEnumJsonConverter<DbSystemSourceType>))]
public readonly record struct DbSystemSourceType(string Value) : IOciEnum<DbSystemSourceType>
{
    /// <summary><c>NONE</c>.</summary>
    public static DbSystemSourceType None { get; } = new("NONE");

    /// <summary><c>BACKUP</c>.</summary>
    public static DbSystemSourceType Backup { get; } = new("BACKUP");

    /// <summary><c>PITR</c>.</summary>
    public static DbSystemSourceType Pitr { get; } = new("PITR");

    /// <summary><c>IMPORTURL</c>.</summary>
    public static DbSystemSourceType Importurl { get; } = new("IMPORTURL");

    /// <summary>The values this client knows.</summary>
    public static IReadOnlyList<DbSystemSourceType> Known { get; } = [None, Backup, Pitr, Importurl];

    /// <summary>False when the service sent a value this client does not know.</summary>
    public bool IsKnown => Known.Contains(this);

    /// <inheritdoc />
    public static DbSystemSourceType FromValue(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
