using System.Collections.Immutable;

namespace OciOperator.Sandbox.Kube.Patching;

/// <summary>
/// The merge behaviour of one list field. <see cref="Keys"/> are the <c>x-kubernetes-list-map-keys</c> for
/// <see cref="ListType.Map"/>; the first is the strategic-merge-patch merge key. <see cref="KeyDefaults"/> give the
/// value a key has when an item omits it (e.g. <c>protocol: TCP</c> for ports), as the apiserver defaults them.
/// </summary>
internal sealed record ListTypeInfo(ListType Type, ImmutableArray<string> Keys, ImmutableDictionary<string, string> KeyDefaults)
{
    public static ListTypeInfo Atomic { get; } = new(ListType.Atomic, [], ImmutableDictionary<string, string>.Empty);

    public static ListTypeInfo Set { get; } = new(ListType.Set, [], ImmutableDictionary<string, string>.Empty);

    public static ListTypeInfo AtomicObject { get; } = new(ListType.AtomicObject, [], ImmutableDictionary<string, string>.Empty);

    public static ListTypeInfo Map(params string[] keys) =>
        new(ListType.Map, [.. keys], ImmutableDictionary<string, string>.Empty);

    /// <summary>This map list with a default value for a key that items may omit.</summary>
    public ListTypeInfo WithKeyDefault(string key, string value) => this with { KeyDefaults = KeyDefaults.SetItem(key, value) };

    /// <summary>The strategic-merge-patch merge key (the first list-map key).</summary>
    public string MergeKey => Keys.IsDefaultOrEmpty ? string.Empty : Keys[0];
}
