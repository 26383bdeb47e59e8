using System.Text.RegularExpressions;
using k8s;
using k8s.Models;

namespace OciOperator.Testing.Rbac;

/// <summary>
/// Every Role, ClusterRole and binding in a folder of manifests (any layout, any depth, several documents per file),
/// with the RBAC authorizer's rules: a ClusterRoleBinding grants everywhere, a RoleBinding only in its namespace, and
/// an aggregated ClusterRole holds the rules of every ClusterRole its selectors match. Namespaced manifests written
/// for kustomize's placeholder namespace <c>system</c> apply to the operator's namespace.
/// </summary>
public sealed partial class RbacPolicy
{
    /// <summary>The namespace kustomize replaces with the one the operator is installed into.</summary>
    public const string PlaceholderNamespace = "system";

    private RbacPolicy(IReadOnlyList<RbacRole> roles, IReadOnlyList<RbacBinding> bindings)
    {
        Roles = roles;
        Bindings = bindings;
    }

    public IReadOnlyList<RbacRole> Roles { get; }

    public IReadOnlyList<RbacBinding> Bindings { get; }

    /// <summary>Reads every <c>*.yaml</c>/<c>*.yml</c> under <paramref name="directory"/>; other kinds are ignored.</summary>
    public static RbacPolicy Load(string directory)
    {
        var roles = new List<RbacRole>();
        var bindings = new List<RbacBinding>();
        var files = Directory.EnumerateFiles(directory, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(directory, file);
            foreach (var document in DocumentSeparator().Split(File.ReadAllText(file)))
            {
                if (KindLine().Match(document) is not { Success: true } kind)
                {
                    continue;
                }

                switch (kind.Groups[1].Value)
                {
                    case "ClusterRole":
                        var clusterRole = KubernetesYaml.Deserialize<V1ClusterRole>(document);
                        roles.Add(new RbacRole(
                            "ClusterRole",
                            clusterRole.Metadata.Name,
                            null,
                            Labels(clusterRole.Metadata),
                            Rules(clusterRole.Rules),
                            [.. (clusterRole.AggregationRule?.ClusterRoleSelectors ?? []).Select(s => (IReadOnlyDictionary<string, string>)new Dictionary<string, string>(s.MatchLabels ?? new Dictionary<string, string>(), StringComparer.Ordinal))],
                            relative));
                        break;
                    case "Role":
                        var role = KubernetesYaml.Deserialize<V1Role>(document);
                        roles.Add(new RbacRole("Role", role.Metadata.Name, role.Metadata.NamespaceProperty ?? PlaceholderNamespace, Labels(role.Metadata), Rules(role.Rules), [], relative));
                        break;
                    case "ClusterRoleBinding":
                        var clusterBinding = KubernetesYaml.Deserialize<V1ClusterRoleBinding>(document);
                        bindings.Add(new RbacBinding("ClusterRoleBinding", clusterBinding.Metadata.Name, null, clusterBinding.RoleRef.Kind, clusterBinding.RoleRef.Name, ServiceAccounts(clusterBinding.Subjects, null)));
                        break;
                    case "RoleBinding":
                        var binding = KubernetesYaml.Deserialize<V1RoleBinding>(document);
                        var ns = binding.Metadata.NamespaceProperty ?? PlaceholderNamespace;
                        bindings.Add(new RbacBinding("RoleBinding", binding.Metadata.Name, ns, binding.RoleRef.Kind, binding.RoleRef.Name, ServiceAccounts(binding.Subjects, ns)));
                        break;
                }
            }
        }

        return new RbacPolicy(roles, bindings);
    }

    /// <summary>The ClusterRole or Role (in <paramref name="ns"/>) of that name, or null.</summary>
    public RbacRole? FindRole(string kind, string name, string? ns) =>
        Roles.FirstOrDefault(r => r.Kind == kind && r.Name == name && (kind == "ClusterRole" || r.Namespace == ns));

    /// <summary>The role's own rules plus, when it aggregates, the rules of every ClusterRole its selectors match.</summary>
    public IReadOnlyList<RbacRule> EffectiveRules(RbacRole role)
    {
        var rules = new List<RbacRule>(role.Rules);
        foreach (var selector in role.AggregationSelectors)
        {
            rules.AddRange(Roles
                .Where(r => r.Kind == "ClusterRole" && !ReferenceEquals(r, role) && selector.All(l => r.Labels.TryGetValue(l.Key, out var v) && v == l.Value))
                .SelectMany(r => r.Rules));
        }

        return rules;
    }

    /// <summary>The roles bound to the ServiceAccount, each with the namespace it applies in (null: everywhere).</summary>
    public IReadOnlyList<(RbacRole Role, string? Scope)> RolesOf(string serviceAccount, string serviceAccountNamespace = PlaceholderNamespace) =>
        [.. from b in Bindings
            where b.ServiceAccounts.Contains((serviceAccountNamespace, serviceAccount))
            let role = FindRole(b.RoleKind, b.RoleName, b.Namespace)
            where role is not null
            select (role, b.Namespace)];

    /// <summary>
    /// Whether the ServiceAccount may make <paramref name="request"/>; <paramref name="operatorNamespace"/> is where the
    /// manifests' placeholder namespace was installed.
    /// </summary>
    public bool Allows(RbacRequest request, string operatorNamespace, string serviceAccount, string serviceAccountNamespace = PlaceholderNamespace)
    {
        ArgumentNullException.ThrowIfNull(request);
        foreach (var (role, scope) in RolesOf(serviceAccount, serviceAccountNamespace))
        {
            if (scope is not null)
            {
                var effective = scope == PlaceholderNamespace ? operatorNamespace : scope;
                if (request.Namespace != effective)
                {
                    continue;
                }
            }

            if (EffectiveRules(role).Any(r => r.Allows(request.Verb, request.Group, request.Resource, request.Name)))
            {
                return true;
            }
        }

        return false;
    }

    private static Dictionary<string, string> Labels(V1ObjectMeta meta) =>
        new(meta.Labels ?? new Dictionary<string, string>(), StringComparer.Ordinal);

    private static List<RbacRule> Rules(IList<V1PolicyRule>? rules) =>
        [.. (rules ?? []).Select(r => new RbacRule(
            [.. r.ApiGroups ?? []], [.. r.Resources ?? []], [.. r.Verbs ?? []], [.. r.ResourceNames ?? []]))];

    private static List<(string, string)> ServiceAccounts(IList<Rbacv1Subject>? subjects, string? bindingNamespace) =>
        [.. (subjects ?? [])
            .Where(s => s.Kind == "ServiceAccount")
            .Select(s => (s.NamespaceProperty ?? bindingNamespace ?? PlaceholderNamespace, s.Name))];

    [GeneratedRegex(@"^---\s*$", RegexOptions.Multiline)]
    private static partial Regex DocumentSeparator();

    [GeneratedRegex(@"^kind:\s*([A-Za-z]+)\s*$", RegexOptions.Multiline)]
    private static partial Regex KindLine();
}
