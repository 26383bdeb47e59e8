using System.Text.Json.Serialization;
using OciOperator.Oci.Serialization;

namespace OciOperator.Oci.Mysql;

/// <summary>Telemetry log type. String-backed: unknown values are kept (<see cref="IsKnown"/> is false).</summary>
[JsonConverter(typeof(OciEnumJsonConverter<TelemetryLogType>))]
public readonly record struct TelemetryLogType(string Value) : IOciEnum<TelemetryLogType>
{
    /// <summary><c>ERROR_LOG</c>.</summary>
    public static TelemetryLogType ErrorLog { get; } = new("ERROR_LOG");

    /// <summary><c>GENERAL_LOG</c>.</summary>
    public static TelemetryLogType GeneralLog { get; } = new("GENERAL_LOG");

    /// <summary><c>SLOW_QUERY_LOG</c>.</summary>
    public static TelemetryLogType SlowQueryLog { get; } = new("SLOW_QUERY_LOG");

    /// <summary><c>AUDIT_LOG</c>.</summary>
    public static TelemetryLogType AuditLog { get; } = new("AUDIT_LOG");

    /// <summary>The values this client knows.</summary>
    public static IReadOnlyList<TelemetryLogType> Known { get; } = [ErrorLog, GeneralLog, SlowQueryLog, AuditLog];

    /// <summary>False when the service sent a value this client does not know.</summary>
    public bool IsKnown => Known.Contains(this);

    /// <inheritdoc />
    public static TelemetryLogType FromValue(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
