namespace OciOperator.Testing.Rbac;

/// <summary>
/// A request as the authorizer sees it: verb, API group, resource (<c>plural</c> or <c>plural/subresource</c>),
/// namespace (null for cluster-scoped or all-namespace requests) and object name (null for collections).
/// </summary>
public sealed record RbacRequest(string Verb, string Group, string Resource, string? Namespace, string? Name)
{
    public RbacRight Right => new(Group, Resource, Verb);

    public override string ToString() =>
        $"{Verb} {(Group.Length == 0 ? "core" : Group)}/{Resource}{(Namespace is null ? "" : " in " + Namespace)}{(Name is null ? "" : " " + Name)}";
}
