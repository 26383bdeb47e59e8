using System.Text.Json.Serialization;
using OciOperator.Oci.Serialization;

namespace OciOperator.Oci.Mysql;

/// <summary>Work request operation type (the service adds more; unknown values are kept). String-backed: unknown values are kept (<see cref="IsKnown"/> is false).</summary>
[JsonConverter(typeof(OciEnumJsonConverter<WorkRequestOperationType>))]
public readonly record struct WorkRequestOperationType(string Value) : IOciEnum<WorkRequestOperationType>
{
    /// <summary><c>CREATE_DBSYSTEM</c>.</summary>
    public static WorkRequestOperationType CreateDbsystem { get; } = new("CREATE_DBSYSTEM");

    /// <summary><c>UPDATE_DBSYSTEM</c>.</summary>
    public static WorkRequestOperationType UpdateDbsystem { get; } = new("UPDATE_DBSYSTEM");

    /// <summary><c>DELETE_DBSYSTEM</c>.</summary>
    public static WorkRequestOperationType DeleteDbsystem { get; } = new("DELETE_DBSYSTEM");

    /// <summary><c>START_DBSYSTEM</c>.</summary>
    public static WorkRequestOperationType StartDbsystem { get; } = new("START_DBSYSTEM");

    /// <summary><c>STOP_DBSYSTEM</c>.</summary>
    public static WorkRequestOperationType StopDbsystem { get; } = new("STOP_DBSYSTEM");

    /// <summary><c>RESTART_DBSYSTEM</c>.</summary>
    public static WorkRequestOperationType RestartDbsystem { get; } = new("RESTART_DBSYSTEM");

    /// <summary>The values this client knows.</summary>
    public static IReadOnlyList<WorkRequestOperationType> Known { get; } = [CreateDbsystem, UpdateDbsystem, DeleteDbsystem, StartDbsystem, StopDbsystem, RestartDbsystem];

    /// <summary>False when the service sent a value this client does not know.</summary>
    public bool IsKnown => Known.Contains(this);

    /// <inheritdoc />
    public static WorkRequestOperationType FromValue(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
