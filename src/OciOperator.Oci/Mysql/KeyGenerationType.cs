using System.Text.Json.Serialization;
using OciOperator.Oci.Serialization;

namespace OciOperator.Oci.Mysql;

/// <summary>Encryption key source. String-backed: unknown values are kept (<see cref="IsKnown"/> is false).</summary>
[JsonConverter(typeof(OciEnumJsonConverter<KeyGenerationType>))]
public readonly record struct KeyGenerationType(string Value) : IOciEnum<KeyGenerationType>
{
    /// <summary><c>SYSTEM</c>.</summary>
    public static KeyGenerationType System { get; } = new("SYSTEM");

    /// <summary><c>BYOK</c>.</summary>
    public static KeyGenerationType Byok { get; } = new("BYOK");

    /// <summary>The values this client knows.</summary>
    public static IReadOnlyList<KeyGenerationType> Known { get; } = [System, Byok];

    /// <summary>False when the service sent a value this client does not know.</summary>
    public bool IsKnown => Known.Contains(this);

    /// <inheritdoc />
    public static KeyGenerationType FromValue(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
