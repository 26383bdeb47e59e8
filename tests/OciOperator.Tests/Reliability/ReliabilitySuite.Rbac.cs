using System.Net;
using OciOperator.Sandbox.Kube;
using OciOperator.Testing.Rbac;

namespace OciOperator.Tests.Reliability;

public sealed partial class ReliabilitySuite
{
    /// <summary>The ServiceAccount <c>config/rbac</c> binds the operator's roles to.</summary>
    private const string OperatorServiceAccount = "controller-manager";

    /// <summary>Where the suite pretends kustomize installed the manifests' <c>system</c> namespace.</summary>
    private const string OperatorNamespace = "oci-operator-system";

    /// <summary>
    /// Rights of the DbSystem controller's role that the suite cannot see used, each with why it is granted anyway.
    /// </summary>
    private static readonly Dictionary<RbacRight, string> UnusedButGranted = new()
    {
        [new("mysql.oracle.com", "dbsystems", "create")] = "OSOK's manager-role grants it (parity for users diffing roles); the controller never creates a DbSystem",
        [new("mysql.oracle.com", "dbsystems", "delete")] = "OSOK's manager-role grants it; the controller never deletes a DbSystem (it removes its finalizer)",
        [new("mysql.oracle.com", "dbsystems", "update")] = "OSOK's manager-role grants it; the controller writes its finalizer with a patch",
        [new("mysql.oracle.com", "dbsystems/status", "get")] = "OSOK's manager-role grants it; status is read with the object",
        [new("mysql.oracle.com", "dbsystems/status", "patch")] = "OSOK's manager-role grants it; the status writer replaces status with update (optimistic concurrency), never patches",
        [new("mysql.oracle.com", "dbsystems/finalizers", "update")] = "needed where the OwnerReferencesPermissionEnforcement admission plugin is on (the endpoint Secret's ownerReference blocks owner deletion); the Sandbox has no such plugin, so no call names it",
        [new("", "secrets", "delete")] = "deleting an endpoint Secret the controller owns when its DbSystem is deleted with a Retain/orphan policy; garbage collection removes it on the paths the suite drives",
        [new("", "events", "create")] = "the event recorder falls back to core/v1 Events where events.k8s.io/v1 is not served; the Sandbox serves it",
        [new("", "events", "patch")] = "the event recorder's core/v1 fallback patches the count of a repeated Event; the Sandbox serves events.k8s.io/v1",
        [new("events.k8s.io", "events", "patch")] = "the event recorder patches a repeated Event's series; repeats within the aggregation window are rarer than the suite's runs",
    };

    /// <summary>
    /// Every Kubernetes call the operator made in the suite (recorded by the Sandbox per user agent, verb and
    /// resource) is granted by <c>config/rbac</c> to the operator's ServiceAccount, however the manifests are laid
    /// out; and the DbSystem controller's role grants nothing the suite did not see it use, except the listed rights.
    /// </summary>
    [Test]
    public async Task RbacAudit_EveryOperatorCall_GrantedByConfigRbacAndDbSystemRoleHasNoUnusedRight()
    {
        var wholeSuite = new[] { ChaosPhase, PoisonPhase, CanaryPhase }.All(phase => _cluster.Calls.OperatorRequests(phase).Count > 0);
        if (!_cluster.Calls.OperatorRequests().Any(r => r.Resource == "dbsystems"))
        {
            await RunMinimalWorkloadAsync();
        }

        var policy = RbacPolicy.Load(Path.Combine(RepositoryPaths.Root, "config", "rbac"));
        var requests = _cluster.Calls.OperatorRequests().Select(ToRbac).Distinct().OrderBy(r => r.ToString(), StringComparer.Ordinal).ToList();
        // The chaos phase runs the graph engine in the same process, whose calls cannot be told apart: the DbSystem
        // role is judged by the phases that run the DbSystem controller alone (which can only make it stricter).
        var dbSystemOnly = _cluster.Calls.OperatorRequests(PoisonPhase, CanaryPhase, "rbac").Select(ToRbac).ToList();
        Assert.That(requests.Any(r => r.Verb == "watch" && r.Resource == "dbsystems"), Is.True, "the recorder saw the operator's calls");
        var denied = requests.Where(r => !policy.Allows(r, OperatorNamespace, OperatorServiceAccount)).Select(r => r.ToString()).ToList();
        _report.Add("rbac", "distinct operator requests", requests.Count);
        Assert.That(denied, Is.Empty, "calls the operator made that config/rbac does not grant its ServiceAccount");

        if (!wholeSuite)
        {
            Assert.Inconclusive("every call was granted; whether the DbSystem role grants unused rights needs the calls of the whole suite (run the Reliability category)");
        }

        var role = DbSystemControllerRole(policy);
        var used = dbSystemOnly.Select(r => r.Right).ToHashSet();
        TestContext.Progress.WriteLine("rights the DbSystem controller used: " + string.Join(", ", used.Select(u => u.ToString()).Order(StringComparer.Ordinal)));
        var granted = policy.EffectiveRules(role).Where(IsDbSystemRule).SelectMany(r => r.Rights()).Distinct().ToList();
        var unused = granted.Where(g => !used.Contains(g) && !UnusedButGranted.ContainsKey(g)).Select(g => g.ToString()).ToList();
        _report.Add("rbac", "DbSystem role: granted / used / listed", $"{granted.Count} / {granted.Count(used.Contains)} / {granted.Count(UnusedButGranted.ContainsKey)} ({role.Name} in {role.File})");
        Assert.That(unused, Is.Empty, $"rights of {role.Name} ({role.File}) the DbSystem controller never used; remove them or list them with a reason");
        var stale = UnusedButGranted.Keys.Where(k => !granted.Contains(k)).Select(k => k.ToString()).ToList();
        Assert.That(stale, Is.Empty, $"listed rights {role.Name} no longer grants: drop them from the list");
    }

    /// <summary>
    /// The ClusterRole bound to the operator that serves the DbSystem controller: the one labelled or named for it
    /// when the manifests are split by controller, else the bound ClusterRole with the mysql.oracle.com rules.
    /// </summary>
    private static RbacRole DbSystemControllerRole(RbacPolicy policy)
    {
        var bound = policy.RolesOf(OperatorServiceAccount).Where(b => b.Role.Kind == "ClusterRole").Select(b => b.Role).ToList();
        var role = bound.FirstOrDefault(r => r.Labels.GetValueOrDefault("app.kubernetes.io/component") == "dbsystem-controller")
            ?? bound.FirstOrDefault(r => r.Name.Contains("dbsystem", StringComparison.OrdinalIgnoreCase))
            ?? bound.FirstOrDefault(r => r.Rules.Any(rule => rule.ApiGroups.Contains("mysql.oracle.com")));
        Assert.That(role, Is.Not.Null, "a ClusterRole bound to the operator grants the DbSystem controller's rights");
        return role!;
    }

    /// <summary>
    /// In a role shared with the graph engine (the unsplit layout), the rules that serve the DbSystem controller: not
    /// the engine's kro.run, CRD and wildcard rules.
    /// </summary>
    private static bool IsDbSystemRule(RbacRule rule) =>
        !rule.ApiGroups.Any(g => g is "*" or "kro.run" or "apiextensions.k8s.io") && !rule.Resources.Contains("*");

    private static RbacRequest ToRbac(ApiRequestRecord r) =>
        new(r.Verb, r.Group, r.Subresource is null ? r.Resource : r.Resource + "/" + r.Subresource, r.Namespace, null);

    /// <summary>When the audit runs alone: one DbSystem created to ACTIVE and deleted, so the operator's calls exist.</summary>
    private async Task RunMinimalWorkloadAsync()
    {
        _cluster.Calls.Phase = "rbac";
        const string ns = "rbac";
        await CreateNamespaceAsync(ns, "Rbac-Passw0rd!");
        var op = await StartOperatorAsync();
        try
        {
            var (status, body) = await _api.CreateAsync(KubeJson.DbSystems(ns), Manifests.DbSystem("audited"));
            Assert.That(status, Is.EqualTo(HttpStatusCode.Created), body?.ToJsonString());
            await Converge.UntilAsync(() => DbSystemsInAsync([ns]), all => all is [{ } d] && Manifests.LifecycleState(d) == "ACTIVE", Converge.States, "the audited DbSystem to be ACTIVE", _mode.ConvergeTimeout);
            (status, body) = await _api.DeleteAsync($"{KubeJson.DbSystems(ns)}/audited");
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
            await Converge.UntilAsync(() => DbSystemsInAsync([ns]), all => all.Count == 0, Converge.States, "the audited DbSystem to be deleted", _mode.ConvergeTimeout);
        }
        finally
        {
            await op.StopAsync();
        }
    }
}
