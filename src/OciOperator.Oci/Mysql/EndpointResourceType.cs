using System.Text.Json.Serialization;
using OciOperator.Oci.Serialization;

namespace OciOperator.Oci.Mysql;

/// <summary>What a DbSystem endpoint points at. String-backed: unknown values are kept (<see cref="IsKnown"/> is false).</summary>
[JsonConverter(typeof(OciEnumJsonConverter<EndpointResourceType>))]
public readonly record struct EndpointResourceType(string Value) : IOciEnum<EndpointResourceType>
{
    /// <summary><c>DBSYSTEM</c>.</summary>
    public static EndpointResourceType Dbsystem { get; } = new("DBSYSTEM");

    /// <summary><c>READ_REPLICA</c>.</summary>
    public static EndpointResourceType ReadReplica { get; } = new("READ_REPLICA");

    /// <summary><c>LOAD_BALANCER</c>.</summary>
    public static EndpointResourceType LoadBalancer { get; } = new("LOAD_BALANCER");

    /// <summary><c>READ_ENDPOINT</c>.</summary>
    public static EndpointResourceType ReadEndpoint { get; } = new("READ_ENDPOINT");

    /// <summary>The values this client knows.</summary>
    public static IReadOnlyList<EndpointResourceType> Known { get; } = [Dbsystem, ReadReplica, LoadBalancer, ReadEndpoint];

    /// <summary>False when the service sent a value this client does not know.</summary>
    public bool IsKnown => Known.Contains(this);

    /// <inheritdoc />
    public static EndpointResourceType FromValue(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
