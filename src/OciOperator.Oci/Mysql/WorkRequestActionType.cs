using System.Text.Json.Serialization;
using OciOperator.Oci.Serialization;

namespace OciOperator.Oci.Mysql;

/// <summary>What a work request did to a resource. String-backed: unknown values are kept (<see cref="IsKnown"/> is false).</summary>
[JsonConverter(typeof(OciEnumJsonConverter<WorkRequestActionType>))]
public readonly record struct WorkRequestActionType(string Value) : IOciEnum<WorkRequestActionType>
{
    /// <summary><c>CREATED</c>.</summary>
    public static WorkRequestActionType Created { get; } = new("CREATED");

    /// <summary><c>UPDATED</c>.</summary>
    public static WorkRequestActionType Updated { get; } = new("UPDATED");

    /// <summary><c>DELETED</c>.</summary>
    public static WorkRequestActionType Deleted { get; } = new("DELETED");

    /// <summary><c>IN_PROGRESS</c>.</summary>
    public static WorkRequestActionType InProgress { get; } = new("IN_PROGRESS");

    /// <summary><c>RELATED</c>.</summary>
    public static WorkRequestActionType Related { get; } = new("RELATED");

    /// <summary>The values this client knows.</summary>
    public static IReadOnlyList<WorkRequestActionType> Known { get; } = [Created, Updated, Deleted, InProgress, Related];

    /// <summary>False when the service sent a value this client does not know.</summary>
    public bool IsKnown => Known.Contains(this);

    /// <inheritdoc />
    public static WorkRequestActionType FromValue(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
