using System.Text.Json.Serialization;
using OciOperator.Oci.Serialization;

namespace OciOperator.Oci.Mysql;

/// <summary>DbSystem endpoint mode. String-backed: unknown values are kept (<see cref="IsKnown"/> is false).</summary>
[JsonConverter(typeof(OciEnumJsonConverter<EndpointMode>))]
public readonly record struct EndpointMode(string Value) : IOciEnum<EndpointMode>
{
    /// <summary><c>READ</c>.</summary>
    public static EndpointMode Read { get; } = new("READ");

    /// <summary><c>WRITE</c>.</summary>
    public static EndpointMode Write { get; } = new("WRITE");

    /// <summary>The values this client knows.</summary>
    public static IReadOnlyList<EndpointMode> Known { get; } = [Read, Write];

    /// <summary>False when the service sent a value this client does not know.</summary>
    public bool IsKnown => Known.Contains(this);

    /// <inheritdoc />
    public static EndpointMode FromValue(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
