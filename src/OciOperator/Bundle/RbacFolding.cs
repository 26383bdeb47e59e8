using System.Text.Json.Nodes;

namespace OciOperator.Bundle;

/// <summary>
/// Folds the RBAC of the rendered install into the CSV, as operator-sdk does: the rules of every ClusterRole bound
/// (by a ClusterRoleBinding) to the Deployment's ServiceAccount become its <c>clusterPermissions</c>, those of every
/// Role bound in the operator's namespace its <c>permissions</c>; OLM creates the roles, bindings and ServiceAccount
/// itself. A ClusterRole with an <c>aggregationRule</c> contributes the rules of the ClusterRoles its selectors
/// match, as the API server's aggregation controller would compute them (a CSV cannot carry an aggregationRule).
/// Roles and bindings not consumed that way (the editor and viewer roles) stay separate manifests.
/// </summary>
internal static class RbacFolding
{
    public const string ClusterRoleKind = "ClusterRole";

    public const string ClusterRoleBindingKind = "ClusterRoleBinding";

    public const string RoleKind = "Role";

    public const string RoleBindingKind = "RoleBinding";

    public const string ServiceAccountKind = "ServiceAccount";

    /// <summary>The folded permissions of <paramref name="serviceAccount"/> in <paramref name="ns"/>.</summary>
    public static FoldedRbac Fold(IReadOnlyList<JsonObject> install, string serviceAccount, string ns, List<string> errors)
    {
        var consumed = new HashSet<JsonObject>(ReferenceEqualityComparer.Instance);
        var clusterRules = new List<JsonNode>();
        var namespacedRules = new List<JsonNode>();

        foreach (var binding in install.Where(o => Kind(o) is ClusterRoleBindingKind or RoleBindingKind && BindsServiceAccount(o, serviceAccount, ns)))
        {
            var isClusterBinding = Kind(binding) == ClusterRoleBindingKind;
            var roleKind = binding["roleRef"]?["kind"]?.GetValue<string>();
            var roleName = binding["roleRef"]?["name"]?.GetValue<string>();
            var role = install.FirstOrDefault(o => Kind(o) == roleKind && Name(o) == roleName && (roleKind == ClusterRoleKind || Namespace(o) == ns));
            if (role is null)
            {
                errors.Add($"{Kind(binding)} {Name(binding)} binds {roleKind} {roleName}, which the install does not contain");
                continue;
            }

            consumed.Add(binding);
            consumed.Add(role);
            var target = isClusterBinding ? clusterRules : namespacedRules;
            foreach (var rule in EffectiveRules(role, install, consumed, errors))
            {
                Add(target, rule);
            }
        }

        return new FoldedRbac(
            Permission(serviceAccount, clusterRules),
            Permission(serviceAccount, namespacedRules),
            consumed);
    }

    /// <summary>The rules a ClusterRole or Role grants: its own, or for an aggregated ClusterRole those of the roles it selects.</summary>
    public static IEnumerable<JsonNode> EffectiveRules(JsonObject role, IReadOnlyList<JsonObject> install, HashSet<JsonObject> consumed, List<string> errors)
    {
        if (role["aggregationRule"]?["clusterRoleSelectors"] is not JsonArray selectors)
        {
            return (role["rules"] as JsonArray ?? []).OfType<JsonNode>();
        }

        var rules = new List<JsonNode>();
        foreach (var source in install.Where(o => Kind(o) == ClusterRoleKind && !ReferenceEquals(o, role)))
        {
            if (!selectors.OfType<JsonObject>().Any(s => Selects(s, source, Name(role), errors)))
            {
                continue;
            }

            consumed.Add(source);
            rules.AddRange((source["rules"] as JsonArray ?? []).OfType<JsonNode>());
        }

        if (rules.Count == 0)
        {
            errors.Add($"the aggregated ClusterRole {Name(role)} selects no ClusterRole of the install: it would grant nothing");
        }

        return rules;
    }

    internal static string? Kind(JsonObject o) => o["kind"]?.GetValue<string>();

    internal static string? Name(JsonObject o) => o["metadata"]?["name"]?.GetValue<string>();

    internal static string? Namespace(JsonObject o) => o["metadata"]?["namespace"]?.GetValue<string>();

    private static bool Selects(JsonObject selector, JsonObject role, string? aggregatedName, List<string> errors)
    {
        if (selector["matchExpressions"] is JsonArray { Count: > 0 })
        {
            errors.Add($"the aggregated ClusterRole {aggregatedName} uses matchExpressions; only matchLabels is supported by the bundle generator");
            return false;
        }

        var wanted = selector["matchLabels"] as JsonObject ?? [];
        var labels = role["metadata"]?["labels"] as JsonObject ?? [];
        return wanted.Count > 0 && wanted.All(w => labels[w.Key]?.GetValue<string>() == w.Value?.GetValue<string>());
    }

    private static bool BindsServiceAccount(JsonObject binding, string serviceAccount, string ns) =>
        (binding["subjects"] as JsonArray ?? []).OfType<JsonObject>().Any(s =>
            s["kind"]?.GetValue<string>() == ServiceAccountKind
            && s["name"]?.GetValue<string>() == serviceAccount
            && (s["namespace"]?.GetValue<string>() ?? Namespace(binding)) == ns);

    private static void Add(List<JsonNode> rules, JsonNode rule)
    {
        if (!rules.Any(r => JsonNode.DeepEquals(r, rule)))
        {
            rules.Add(rule.DeepClone());
        }
    }

    private static JsonArray Permission(string serviceAccount, List<JsonNode> rules) =>
        rules.Count == 0
            ? []
            : [new JsonObject { ["rules"] = new JsonArray([.. rules]), ["serviceAccountName"] = serviceAccount }];
}
