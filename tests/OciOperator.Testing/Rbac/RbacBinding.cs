namespace OciOperator.Testing.Rbac;

/// <summary>A RoleBinding (namespace set) or ClusterRoleBinding: which role it grants to which ServiceAccounts.</summary>
public sealed record RbacBinding(
    string Kind,
    string Name,
    string? Namespace,
    string RoleKind,
    string RoleName,
    IReadOnlyList<(string Namespace, string Name)> ServiceAccounts);
