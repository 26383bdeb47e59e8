using System.Text.Json.Serialization;
using OciOperator.Oci.Serialization;

namespace OciOperator.Oci.Mysql;

/// <summary>DbSystem endpoint status. String-backed: unknown values are kept (<see cref="IsKnown"/> is false).</summary>
[JsonConverter(typeof(OciEnumJsonConverter<EndpointStatus>))]
public readonly record struct EndpointStatus(string Value) : IOciEnum<EndpointStatus>
{
    /// <summary><c>ACTIVE</c>.</summary>
    public static EndpointStatus Active { get; } = new("ACTIVE");

    /// <summary><c>INACTIVE</c>.</summary>
    public static EndpointStatus Inactive { get; } = new("INACTIVE");

    /// <summary><c>UPDATING</c>.</summary>
    public static EndpointStatus Updating { get; } = new("UPDATING");

    /// <summary>The values this client knows.</summary>
    public static IReadOnlyList<EndpointStatus> Known { get; } = [Active, Inactive, Updating];

    /// <summary>False when the service sent a value this client does not know.</summary>
    public bool IsKnown => Known.Contains(this);

    /// <inheritdoc />
    public static EndpointStatus FromValue(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
