using System.Text.Json.Serialization;
using OciOperator.Oci.Serialization;

namespace OciOperator.Oci.Mysql;

/// <summary>Lifecycle state of a DbSystem or HeatWave cluster. String-backed: unknown values are kept (<see cref="IsKnown"/> is false).</summary>
[JsonConverter(typeof(OciEnumJsonConverter<DbSystemLifecycleState>))]
public readonly record struct DbSystemLifecycleState(string Value) : IOciEnum<DbSystemLifecycleState>
{
    /// <summary><c>CREATING</c>.</summary>
    public static DbSystemLifecycleState Creating { get; } = new("CREATING");

    /// <summary><c>ACTIVE</c>.</summary>
    public static DbSystemLifecycleState Active { get; } = new("ACTIVE");

    /// <summary><c>INACTIVE</c>.</summary>
    public static DbSystemLifecycleState Inactive { get; } = new("INACTIVE");

    /// <summary><c>UPDATING</c>.</summary>
    public static DbSystemLifecycleState Updating { get; } = new("UPDATING");

    /// <summary><c>DELETING</c>.</summary>
    public static DbSystemLifecycleState Deleting { get; } = new("DELETING");

    /// <summary><c>DELETED</c>.</summary>
    public static DbSystemLifecycleState Deleted { get; } = new("DELETED");

    /// <summary><c>FAILED</c>.</summary>
    public static DbSystemLifecycleState Failed { get; } = new("FAILED");

    /// <summary>The values this client knows.</summary>
    public static IReadOnlyList<DbSystemLifecycleState> Known { get; } = [Creating, Active, Inactive, Updating, Deleting, Deleted, Failed];

    /// <summary>False when the service sent a value this client does not know.</summary>
    public bool IsKnown => Known.Contains(this);

    /// <inheritdoc />
    public static DbSystemLifecycleState FromValue(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
