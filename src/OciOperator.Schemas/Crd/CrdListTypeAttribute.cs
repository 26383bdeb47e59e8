namespace OciOperator.Schemas.Crd;

/// <summary>
/// The list's topology for server-side apply and validation (<c>x-kubernetes-list-type</c>): <c>atomic</c>, <c>set</c>
/// (scalar items, unique) or <c>map</c> keyed by <see cref="MapKeys"/> (<c>x-kubernetes-list-map-keys</c>, which must
/// be required properties of the items).
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class CrdListTypeAttribute(string listType, params string[] mapKeys) : Attribute
{
    /// <summary><c>atomic</c>, <c>set</c> or <c>map</c>.</summary>
    public string ListType { get; } = listType;

    /// <summary>The keys of a <c>map</c> list; empty otherwise.</summary>
    public IReadOnlyList<string> MapKeys { get; } = mapKeys;
}
