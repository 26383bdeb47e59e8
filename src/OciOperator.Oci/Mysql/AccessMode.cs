using System.Text.Json.Serialization;
using OciOperator.Oci.Serialization;

namespace OciOperator.Oci.Mysql;

/// <summary>Access mode. String-backed: unknown values are kept (<see cref="IsKnown"/> is false).</summary>
[JsonConverter(typeof(OciEnumJsonConverter<AccessMode>))]
public readonly record struct AccessMode(string Value) : IOciEnum<AccessMode>
{
    /// <summary><c>UNRESTRICTED</c>.</summary>
    public static AccessMode Unrestricted { get; } = new("UNRESTRICTED");

    /// <summary><c>RESTRICTED</c>.</summary>
    public static AccessMode Restricted { get; } = new("RESTRICTED");

    /// <summary>The values this client knows.</summary>
    public static IReadOnlyList<AccessMode> Known { get; } = [Unrestricted, Restricted];

    /// <summary>False when the service sent a value this client does not know.</summary>
    public bool IsKnown => Known.Contains(this);

    /// <inheritdoc />
    public static AccessMode FromValue(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
