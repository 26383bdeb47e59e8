namespace OciOperator.Testing.Rbac;

/// <summary>
/// A Role (with its namespace) or ClusterRole (namespace null) as written in a manifest: its labels, its own rules
/// and, for an aggregated ClusterRole, the label sets that select the ClusterRoles it aggregates.
/// </summary>
public sealed record RbacRole(
    string Kind,
    string Name,
    string? Namespace,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<RbacRule> Rules,
    IReadOnlyList<IReadOnlyDictionary<string, string>> AggregationSelectors,
    string File);
