namespace OciOperator.ResourceGraph.Validation;

/// <summary>
/// The label and annotation keys the engine itself writes on managed resources (kro.md §6.4, A.1). Only these are
/// reserved: unlike upstream kro, which rejects every <c>kro.run/</c> key, a template may set other <c>kro.run/</c>
/// keys (the seed RGD's <c>kro.run/after-*</c> annotations). The <c>internal.kro.run/</c> prefix is reserved whole.
/// </summary>
internal static class ReservedMetadataKeys
{
    public const string KroPrefix = "kro.run/";
    public const string InternalPrefix = "internal.kro.run/";

    private static readonly HashSet<string> Labels =
    [
        "kro.run/owned",
        "kro.run/kro-version",
        "kro.run/node-id",
        "kro.run/instance-id",
        "kro.run/instance-name",
        "kro.run/instance-namespace",
        "kro.run/instance-group",
        "kro.run/instance-version",
        "kro.run/instance-kind",
        "kro.run/resource-graph-definition-id",
        "kro.run/resource-graph-definition-name",
        "kro.run/reconcile",
        "applyset.kubernetes.io/part-of",
        "applyset.kubernetes.io/id",
    ];

    private static readonly HashSet<string> Annotations =
    [
        "applyset.kubernetes.io/tooling",
        "applyset.kubernetes.io/contains-group-kinds",
        "applyset.kubernetes.io/additional-namespaces",
    ];

    public static bool IsReservedLabel(string key) => key.StartsWith(InternalPrefix, StringComparison.Ordinal) || Labels.Contains(key);

    public static bool IsReservedAnnotation(string key) =>
        key.StartsWith(InternalPrefix, StringComparison.Ordinal) || Annotations.Contains(key);

    /// <summary>The prefix kro names in its message for a reserved key.</summary>
    public static string PrefixOf(string key) =>
        key.StartsWith(InternalPrefix, StringComparison.Ordinal) ? InternalPrefix
        : key.StartsWith(KroPrefix, StringComparison.Ordinal) ? KroPrefix
        : key[..(key.IndexOf('/', StringComparison.Ordinal) + 1)];
}
