using System.Text.Json.Nodes;
using static OciOperator.Tests.Packaging.PackagingFiles;

namespace OciOperator.Tests.Packaging;

/// <summary>config/rbac split by controller: the DbSystem controller has OSOK's rights plus events.k8s.io; the graph engine an aggregated ClusterRole; editor and viewer roles aggregate into the built-in ones.</summary>
public sealed class RbacConfigTests
{
    /// <summary>OSOK's mysql manager-role (osok.md §7, B.2) plus events.k8s.io Events: group, resource, verbs.</summary>
    private static readonly (string Group, string Resource, string Verbs)[] DbSystemControllerRules =
    [
        ("mysql.oracle.com", "dbsystems", "create,delete,get,list,patch,update,watch"),
        ("mysql.oracle.com", "dbsystems/status", "get,patch,update"),
        ("mysql.oracle.com", "dbsystems/finalizers", "update"),
        ("", "secrets", "create,delete,get,list,update,watch"),
        ("", "events", "create,patch"),
        ("events.k8s.io", "events", "create,patch"),
    ];

    private static IEnumerable<TestCaseData> AggregatingRoles() =>
    [
        new TestCaseData("oci-operator-dbsystem-editor-role", new[] { "rbac.authorization.k8s.io/aggregate-to-edit", "rbac.authorization.k8s.io/aggregate-to-admin" }),
        new TestCaseData("oci-operator-dbsystem-viewer-role", new[] { "rbac.authorization.k8s.io/aggregate-to-view" }),
        new TestCaseData("oci-operator-resourcegraphdefinition-editor-role", new[] { "rbac.authorization.k8s.io/aggregate-to-edit", "rbac.authorization.k8s.io/aggregate-to-admin" }),
        new TestCaseData("oci-operator-resourcegraphdefinition-viewer-role", new[] { "rbac.authorization.k8s.io/aggregate-to-view" }),
    ];

    [TestCase("default")]
    [TestCase("dbsystem-only")]
    public async Task DbSystemControllerRole_IsOsoksRulesPlusEventsK8sIo(string overlay)
    {
        var role = Single(await RenderObjectsAsync(overlay), "ClusterRole", "oci-operator-dbsystem-controller-role");

        Assert.That(Flatten(role["rules"]!.AsArray()), Is.EquivalentTo(DbSystemControllerRules.Select(r => $"{r.Group}|{r.Resource}|{r.Verbs}")));
    }

    [Test]
    public async Task GraphEngineRole_AggregatesItsCoreAndResourcesRolesAndIsBoundToTheOperator()
    {
        var objects = await RenderObjectsAsync("default");
        var engine = Single(objects, "ClusterRole", "oci-operator-graph-engine-role");
        var selector = engine["aggregationRule"]?["clusterRoleSelectors"]?[0]?["matchLabels"] as JsonObject;
        var selected = objects.Where(o => Kind(o) == "ClusterRole" && selector!.All(l => Str(o["metadata"]?["labels"]?[l.Key]) == Str(l.Value))).Select(Name);
        var binding = Single(objects, "ClusterRoleBinding", "oci-operator-graph-engine-rolebinding");

        Assert.That(selector, Is.Not.Null.And.Count.GreaterThan(0));
        Assert.That(selected, Is.EquivalentTo(new[] { "oci-operator-graph-engine-core-role", "oci-operator-graph-engine-resources-role" }));
        Assert.That(Str(binding["roleRef"]?["name"]), Is.EqualTo("oci-operator-graph-engine-role"));
        Assert.That(Str(binding["subjects"]?[0]?["name"]), Is.EqualTo(ServiceAccount));
        Assert.That(Str(binding["subjects"]?[0]?["namespace"]), Is.EqualTo(OperatorNamespace));
        Assert.That(Flatten(Single(objects, "ClusterRole", "oci-operator-graph-engine-core-role")["rules"]!.AsArray()),
            Does.Contain("apiextensions.k8s.io|customresourcedefinitions|create,delete,get,list,patch,update,watch").And.Contain("kro.run|*|create,delete,get,list,patch,update,watch"));
    }

    [Test]
    public async Task DbSystemOnly_HasNoGraphEngineRbacAndNoRgdCrd()
    {
        var objects = await RenderObjectsAsync("dbsystem-only");

        Assert.That(objects.Where(o => Kind(o) == "CustomResourceDefinition").Select(Name), Is.EqualTo(new[] { "dbsystems.mysql.oracle.com" }));
        Assert.That(objects.Where(o => Name(o)!.Contains("graph-engine", StringComparison.Ordinal) || Name(o)!.Contains("resourcegraphdefinition", StringComparison.Ordinal)), Is.Empty);
        Assert.That(objects.Where(o => Kind(o) is "ClusterRole" or "Role").SelectMany(o => Flatten(o["rules"] as JsonArray ?? [])),
            Has.None.StartsWith("kro.run|").And.None.StartsWith("*|").And.None.StartsWith("apiextensions.k8s.io|"));
    }

    [TestCaseSource(nameof(AggregatingRoles))]
    public async Task EditorAndViewerRoles_CarryTheAggregateLabels(string name, string[] labels)
    {
        var role = Single(await RenderObjectsAsync("default"), "ClusterRole", name);

        foreach (var label in labels)
        {
            Assert.That(Str(role["metadata"]?["labels"]?[label]), Is.EqualTo("true"), label);
        }
    }

    /// <summary>Each rule as "group|resource|sorted verbs", one per group and resource.</summary>
    internal static IEnumerable<string> Flatten(JsonArray rules) =>
        from rule in rules.OfType<JsonObject>()
        from g in rule["apiGroups"]!.AsArray().Select(Str)
        from r in rule["resources"]!.AsArray().Select(Str)
        select $"{g}|{r}|{string.Join(',', rule["verbs"]!.AsArray().Select(Str).Order(StringComparer.Ordinal))}";
}
