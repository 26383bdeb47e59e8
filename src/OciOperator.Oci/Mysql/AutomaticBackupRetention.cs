using System.Text.Json.Serialization;
using OciOperator.Oci.Serialization;

namespace OciOperator.Oci.Mysql;

/// <summary>What happens to automatic backups on delete. String-backed: unknown values are kept (<see cref="IsKnown"/> is false).</summary>
[JsonConverter(typeof(OciEnumJsonConverter<AutomaticBackupRetention>))]
public readonly record struct AutomaticBackupRetention(string Value) : IOciEnum<AutomaticBackupRetention>
{
    /// <summary><c>DELETE</c>.</summary>
    public static AutomaticBackupRetention Delete { get; } = new("DELETE");

    /// <summary><c>RETAIN</c>.</summary>
    public static AutomaticBackupRetention Retain { get; } = new("RETAIN");

    /// <summary>The values this client knows.</summary>
    public static IReadOnlyList<AutomaticBackupRetention> Known { get; } = [Delete, Retain];

    /// <summary>False when the service sent a value this client does not know.</summary>
    public bool IsKnown => Known.Contains(this);

    /// <inheritdoc />
    public static AutomaticBackupRetention FromValue(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
