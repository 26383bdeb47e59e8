using System.Text.Json.Serialization;
using OciOperator.Oci.Serialization;

namespace OciOperator.Oci.Mysql;

/// <summary>Maintenance schedule type. String-backed: unknown values are kept (<see cref="IsKnown"/> is false).</summary>
[JsonConverter(typeof(OciEnumJsonConverter<MaintenanceScheduleType>))]
public readonly record struct MaintenanceScheduleType(string Value) : IOciEnum<MaintenanceScheduleType>
{
    /// <summary><c>EARLY</c>.</summary>
    public static MaintenanceScheduleType Early { get; } = new("EARLY");

    /// <summary><c>REGULAR</c>.</summary>
    public static MaintenanceScheduleType Regular { get; } = new("REGULAR");

    /// <summary>The values this client knows.</summary>
    public static IReadOnlyList<MaintenanceScheduleType> Known { get; } = [Early, Regular];

    /// <summary>False when the service sent a value this client does not know.</summary>
    public bool IsKnown => Known.Contains(this);

    /// <inheritdoc />
    public static MaintenanceScheduleType FromValue(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
