namespace OciOperator.Testing.Rbac;

/// <summary>One PolicyRule of a Role or ClusterRole, matched as the Kubernetes RBAC authorizer matches it.</summary>
public sealed record RbacRule(
    IReadOnlyList<string> ApiGroups,
    IReadOnlyList<string> Resources,
    IReadOnlyList<string> Verbs,
    IReadOnlyList<string> ResourceNames)
{
    /// <summary>
    /// Whether the rule allows <paramref name="verb"/> on <paramref name="resource"/> (<c>plural</c> or
    /// <c>plural/subresource</c>) in <paramref name="group"/>, for an object named <paramref name="name"/> (null for
    /// collection requests, which a rule with resourceNames never allows).
    /// </summary>
    public bool Allows(string verb, string group, string resource, string? name) =>
        (Verbs.Contains("*") || Verbs.Contains(verb))
        && (ApiGroups.Contains("*") || ApiGroups.Contains(group))
        && ResourceMatches(resource)
        && (ResourceNames.Count == 0 || (name is not null && ResourceNames.Contains(name)));

    /// <summary>Every (group, resource, verb) the rule names explicitly; wildcards come out as <c>*</c>.</summary>
    public IEnumerable<RbacRight> Rights() =>
        from g in ApiGroups
        from r in Resources
        from v in Verbs
        select new RbacRight(g, r, v);

    private bool ResourceMatches(string resource)
    {
        if (Resources.Contains("*") || Resources.Contains(resource))
        {
            return true;
        }

        // "*/status" grants every resource's status subresource; "dbsystems/*" every subresource of dbsystems.
        var slash = resource.IndexOf('/', StringComparison.Ordinal);
        return slash > 0
            && (Resources.Contains("*" + resource[slash..]) || Resources.Contains(resource[..slash] + "/*"));
    }
}
