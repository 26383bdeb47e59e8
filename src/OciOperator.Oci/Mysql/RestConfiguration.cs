using System.Text.Json.Serialization;
using OciOperator.Oci.Serialization;

namespace OciOperator.Oci.Mysql;

/// <summary>REST endpoint configuration. String-backed: unknown values are kept (<see cref="IsKnown"/> is false).</summary>
[JsonConverter(typeof(OciEnumJsonConverter<RestConfiguration>))]
public readonly record struct RestConfiguration(string Value) : IOciEnum<RestConfiguration>
{
    /// <summary><c>DISABLED</c>.</summary>
    public static RestConfiguration Disabled { get; } = new("DISABLED");

    /// <summary><c>DBSYSTEM_ONLY</c>.</summary>
    public static RestConfiguration DbsystemOnly { get; } = new("DBSYSTEM_ONLY");

    /// <summary>The values this client knows.</summary>
    public static IReadOnlyList<RestConfiguration> Known { get; } = [Disabled, DbsystemOnly];

    /// <summary>False when the service sent a value this client does not know.</summary>
    public bool IsKnown => Known.Contains(this);

    /// <inheritdoc />
    public static RestConfiguration FromValue(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
