using System.Net;
using System.Text.Json.Nodes;
using OciOperator.Mysql.Ownership;
using OciOperator.Mysql.Secrets;

namespace OciOperator.Tests.Reliability;

/// <summary>
/// The walkthrough side of the chaos phase: the seed RGD and its instance (verbatim, in namespaces of their own,
/// applied with kubectl), and what the suite reads back from the whole cluster in one list per kind (so the soak size
/// costs a few lists per probe, not thousands of GETs).
/// </summary>
public sealed partial class ReliabilitySuite
{
    private const string InstanceName = "osok-kro-demo";
    private const string InstancesPath = "apis/kro.run/v1alpha1/osokkrodemoapps";
    private const string AllDbSystemsPath = "apis/mysql.oracle.com/v1beta1/dbsystems";

    /// <summary>The children the seed RGD makes for an instance named <c>N</c>: (cluster-wide list path, name suffix).</summary>
    private static readonly (string Path, string Suffix)[] WalkthroughChildren =
    [
        ("api/v1/secrets", "-mysql-admin"),
        (AllDbSystemsPath, "-db"),
        ("api/v1/secrets", "-db"),
        ("apis/batch/v1/jobs", "-init-wordpress-db"),
        ("apis/apps/v1/deployments", "-wordpress-app"),
        ("api/v1/services", "-wordpress-svc"),
    ];

    /// <summary>One YAML file holding the seed instance once per namespace (kubectl applies it in one run).</summary>
    private static async Task<string> InstancesFileAsync(KubectlRunner kubectl, IEnumerable<string> namespaces)
    {
        var instance = await File.ReadAllTextAsync(RepositoryPaths.SeedFixture("osok_kro_demo.yaml"));
        Assert.That(instance, Does.Contain("namespace: demo"), "the seed instance names its namespace");
        return kubectl.WriteFile("instances.yaml", string.Join("\n---\n", namespaces.Select(ns => instance.Replace("namespace: demo", "namespace: " + ns, StringComparison.Ordinal))));
    }

    private async Task CreateBareNamespacesAsync(IEnumerable<string> namespaces) =>
        await Parallel.ForEachAsync(namespaces, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (ns, _) =>
        {
            var (status, body) = await _api.CreateAsync("api/v1/namespaces", Manifests.Namespace(ns));
            Assert.That(status, Is.EqualTo(HttpStatusCode.Created), body?.ToJsonString());
        });

    /// <summary>Every object of a cluster-wide list whose namespace is one of <paramref name="namespaces"/>.</summary>
    private async Task<List<JsonObject>> ListInAsync(string clusterPath, IReadOnlySet<string> namespaces) =>
        [.. (await _api.ListAsync(clusterPath)).Where(o => o["metadata"]?["namespace"]?.GetValue<string>() is { } ns && namespaces.Contains(ns))];

    private static bool IsActiveWithIp(JsonObject instance) =>
        instance["status"]?["state"]?.GetValue<string>() == "ACTIVE"
        && !string.IsNullOrEmpty(instance["status"]?["wordpressSvcIP"]?.GetValue<string>());

    private static string InstanceStates(IEnumerable<JsonObject> instances) =>
        string.Join(", ", instances
            .GroupBy(i => (i["status"]?["state"]?.GetValue<string>() ?? "-") + (IsActiveWithIp(i) ? "+ip" : string.Empty))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key}: {g.Count()}"))
        + $" (total {instances.Count()})";

    /// <summary>The children of the instances still present, as <c>namespace/kind/name</c>.</summary>
    private async Task<List<string>> WalkthroughChildrenLeftAsync(IReadOnlySet<string> namespaces)
    {
        var left = new List<string>();
        foreach (var path in WalkthroughChildren.Select(c => c.Path).Distinct())
        {
            var suffixes = WalkthroughChildren.Where(c => c.Path == path).Select(c => InstanceName + c.Suffix).ToHashSet(StringComparer.Ordinal);
            left.AddRange((await ListInAsync(path, namespaces))
                .Where(o => suffixes.Contains(o["metadata"]!["name"]!.GetValue<string>()))
                .Select(o => $"{o["metadata"]!["namespace"]}/{path.Split('/')[^1]}/{o["metadata"]!["name"]}"));
        }

        return left;
    }

    /// <summary>The emulator's DB systems that are not DELETED, by the DbSystem UID their ownership tag names.</summary>
    private Dictionary<string, List<Sandbox.Oci.Mysql.EmulatedDbSystem>> LiveOciDbSystemsByOwner() =>
        _cluster.Oci.DbSystems
            .Where(d => d.LifecycleState != "DELETED" && d.FreeformTags.ContainsKey(OwnershipTags.OwnerUid))
            .GroupBy(d => d.FreeformTags[OwnershipTags.OwnerUid], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

    /// <summary>How many live OCI DB systems each UID owns, as <c>count: how many UIDs</c> (all 1 is right).</summary>
    private static string OwnedCounts(IEnumerable<string> uids, Dictionary<string, List<Sandbox.Oci.Mysql.EmulatedDbSystem>> byOwner) =>
        string.Join(", ", uids.GroupBy(u => byOwner.TryGetValue(u, out var owned) ? owned.Count : 0).OrderBy(g => g.Key).Select(g => $"{g.Key} OCI DB system(s): {g.Count()}"));

    /// <summary>Secrets labelled as the endpoint Secret of one of <paramref name="uids"/>, anywhere in the cluster.</summary>
    private async Task<List<string>> OwnedEndpointSecretsAsync(IReadOnlySet<string> uids) =>
        [.. (await _api.ListAsync("api/v1/secrets"))
            .Where(s => s["metadata"]?["labels"]?[EndpointSecretLabels.OwnerUid]?.GetValue<string>() is { } uid && uids.Contains(uid))
            .Select(s => $"{s["metadata"]!["namespace"]}/{s["metadata"]!["name"]}")];

    /// <summary>The JSON log line of each retried OCI call attempt (OciHttpPipeline, EventId 4002; ids are unique in the process).</summary>
    private const string OciRetryLogged = "{\"EventId\":4002,";

    /// <summary>The JSON log line of each failed reconcile its queue retries with backoff (Controller, EventId 1202).</summary>
    private const string ReconcileFailureLogged = "{\"EventId\":1202,";

    private static int Occurrences(string text, string what)
    {
        var count = 0;
        for (var at = text.IndexOf(what, StringComparison.Ordinal); at >= 0; at = text.IndexOf(what, at + what.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static string Name(JsonObject obj) => obj["metadata"]!["name"]!.GetValue<string>();

    private static string Namespace(JsonObject obj) => obj["metadata"]!["namespace"]!.GetValue<string>();
}
