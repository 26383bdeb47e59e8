using OciOperator.Testing.Rbac;

namespace OciOperator.Tests.Reliability;

/// <summary>
/// The RBAC reader the audit relies on, on small manifest sets: bindings by ServiceAccount, Role scope, aggregation by
/// label, subresources and wildcards, several documents per file and files in subfolders.
/// </summary>
public sealed class RbacPolicyTests
{
    private const string ClusterRoleWithAggregation = """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: engine
        aggregationRule:
          clusterRoleSelectors:
            - matchLabels:
                example.com/aggregate-to-engine: "true"
        rules: []
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: engine-part
          labels:
            example.com/aggregate-to-engine: "true"
        rules:
          - apiGroups: ["kro.run"]
            resources: ["*"]
            verbs: ["get", "watch"]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata:
          name: engine-binding
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: ClusterRole
          name: engine
        subjects:
          - kind: ServiceAccount
            name: controller-manager
            namespace: system
        """;

    private const string DbSystemRoleAndLeaseRole = """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: dbsystem-role
        rules:
          - apiGroups: ["mysql.oracle.com"]
            resources: ["dbsystems", "dbsystems/status"]
            verbs: ["get", "update"]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata:
          name: dbsystem-binding
        roleRef:
          kind: ClusterRole
          name: dbsystem-role
        subjects:
          - kind: ServiceAccount
            name: controller-manager
            namespace: system
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata:
          name: lease-role
          namespace: system
        rules:
          - apiGroups: ["coordination.k8s.io"]
            resources: ["leases"]
            verbs: ["get", "update"]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata:
          name: lease-binding
          namespace: system
        roleRef:
          kind: Role
          name: lease-role
        subjects:
          - kind: ServiceAccount
            name: controller-manager
            namespace: system
        """;

    private static IEnumerable<TestCaseData> Requests()
    {
        yield return Case("Allows_VerbOnResourceInRule_True", new("get", "mysql.oracle.com", "dbsystems", "ns1", null), true);
        yield return Case("Allows_SubresourceListedInRule_True", new("update", "mysql.oracle.com", "dbsystems/status", "ns1", null), true);
        yield return Case("Allows_VerbNotInRule_False", new("delete", "mysql.oracle.com", "dbsystems", "ns1", null), false);
        yield return Case("Allows_SubresourceNotListed_False", new("update", "mysql.oracle.com", "dbsystems/finalizers", "ns1", null), false);
        yield return Case("Allows_AggregatedWildcardResource_True", new("watch", "kro.run", "osokkrodemoapps", "ns2", null), true);
        yield return Case("Allows_AggregatedRuleOtherVerb_False", new("delete", "kro.run", "osokkrodemoapps", "ns2", null), false);
        yield return Case("Allows_RoleInOperatorNamespace_True", new("update", "coordination.k8s.io", "leases", "operators", "lock"), true);
        yield return Case("Allows_RoleInOtherNamespace_False", new("update", "coordination.k8s.io", "leases", "default", "lock"), false);
        yield return Case("Allows_UngrantedGroup_False", new("get", "", "secrets", "ns1", null), false);
    }

    [TestCaseSource(nameof(Requests))]
    public bool Allows_ManifestsSplitAcrossFolders_MatchesKubernetesRbac(RbacRequest request)
    {
        var directory = Path.Combine(Path.GetTempPath(), "rbac-policy-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(Path.Combine(directory, "engine"));
            File.WriteAllText(Path.Combine(directory, "engine", "roles.yaml"), ClusterRoleWithAggregation);
            File.WriteAllText(Path.Combine(directory, "dbsystem.yml"), DbSystemRoleAndLeaseRole);
            File.WriteAllText(Path.Combine(directory, "kustomization.yaml"), "resources:\n  - engine\n  - dbsystem.yml\n");

            return RbacPolicy.Load(directory).Allows(request, "operators", "controller-manager");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Test]
    public void Allows_OtherServiceAccount_NothingGranted()
    {
        var directory = Path.Combine(Path.GetTempPath(), "rbac-policy-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            File.WriteAllText(Path.Combine(directory, "roles.yaml"), DbSystemRoleAndLeaseRole);

            var allowed = RbacPolicy.Load(directory).Allows(new("get", "mysql.oracle.com", "dbsystems", "ns1", null), "operators", "someone-else");

            Assert.That(allowed, Is.False);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static TestCaseData Case(string name, RbacRequest request, bool allowed) =>
        new TestCaseData(request).Returns(allowed).SetName(name);
}
