using OciOperator.Runtime.Reconciliation;

namespace OciOperator.ResourceGraph.Instances;

/// <summary>
/// An object (or set of objects) an instance read through an <c>externalRef</c>: by name (<see cref="Name"/> set), or by
/// selector (<see cref="Name"/> null: any object of <see cref="Type"/> in <see cref="Namespace"/>, or in every namespace
/// when that is null, may match).
/// </summary>
public sealed record ExternalRefTarget(ResourceType Type, string? Namespace, string? Name)
{
    /// <summary>Whether an event on the object <paramref name="namespace"/>/<paramref name="name"/> of <paramref name="type"/> concerns this target.</summary>
    public bool Matches(ResourceType type, string? @namespace, string name) =>
        Type == type
        && (Namespace is null || string.Equals(Namespace, @namespace ?? string.Empty, StringComparison.Ordinal))
        && (Name is null || string.Equals(Name, name, StringComparison.Ordinal));
}
