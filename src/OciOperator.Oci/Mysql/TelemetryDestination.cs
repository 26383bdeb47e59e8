using System.Text.Json.Serialization;
using OciOperator.Oci.Serialization;

namespace OciOperator.Oci.Mysql;

/// <summary>Telemetry log destination. String-backed: unknown values are kept (<see cref="IsKnown"/> is false).</summary>
[JsonConverter(typeof(OciEnumJsonConverter<TelemetryDestination>))]
public readonly record struct TelemetryDestination(string Value) : IOciEnum<TelemetryDestination>
{
    /// <summary><c>LOG_ANALYTICS</c>.</summary>
    public static TelemetryDestination LogAnalytics { get; } = new("LOG_ANALYTICS");

    /// <summary><c>OPEN_TELEMETRY</c>.</summary>
    public static TelemetryDestination OpenTelemetry { get; } = new("OPEN_TELEMETRY");

    /// <summary>The values this client knows.</summary>
    public static IReadOnlyList<TelemetryDestination> Known { get; } = [LogAnalytics, OpenTelemetry];

    /// <summary>False when the service sent a value this client does not know.</summary>
    public bool IsKnown => Known.Contains(this);

    /// <inheritdoc />
    public static TelemetryDestination FromValue(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
