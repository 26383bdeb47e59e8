using System.Globalization;
using System.Text.Json.Nodes;

namespace OciOperator.Benchmarks.Cel;

/// <summary>
/// Every distinct expression of the walkthrough RGD (<c>shared/fixtures/seed/osok_kro_demo_rgd.yaml</c>) over the
/// objects it reads, plus the two macro expressions of issue 12 (filter/map over 100 items, exists over 20 labels).
/// </summary>
public static class CelEngineCases
{
    private const string Schema = """
        {"apiVersion":"kro.run/v1alpha1","kind":"OsokKroDemoApp","metadata":{"name":"osok-kro-demo","namespace":"demo"},
         "spec":{"compartmentId":"ocid1.compartment.oc1..exampleuniqueID","subnetId":"ocid1.subnet.oc1.iad.exampleuniqueID",
                 "availabilityDomain":"qqZb:US-ASHBURN-AD-1","configurationId":"ocid1.mysqlconfiguration.oc1..exampleuniqueID",
                 "mysqlShapeName":"MySQL.Free","mysqlAdminUsername":"admin","mysqlAdminPassword":"Pass@123","mysqlStorageSizeInGBs":50}}
        """;

    private const string DbSystem = """{"metadata":{"name":"osok-kro-demo-db"},"status":{"lifecycleState":"ACTIVE","ipAddress":"10.0.0.3"}}""";
    private const string Secret = """{"metadata":{"name":"osok-kro-demo-mysql-admin"}}""";
    private const string Job = """{"status":{"succeeded":1}}""";
    private const string Deployment = """{"status":{"availableReplicas":1}}""";
    private const string Service = """{"status":{"loadBalancer":{"ingress":[{"ip":"203.0.113.7"}]}}}""";

    public static IReadOnlyList<CelEngineCase> All { get; } = Build();

    private static JsonNode S(IReadOnlyDictionary<string, JsonNode> v, string name) => v[name];

    private static List<CelEngineCase> Build()
    {
        var cases = new List<CelEngineCase>();

        void Add(string name, string expression, string variable, string json, Func<JsonNode, object?> floor) =>
            cases.Add(new CelEngineCase(name, expression, new Dictionary<string, JsonNode> { [variable] = JsonNode.Parse(json)! }, v => floor(v[variable])));

        Add("svc ingress[0].ip", "wordpressSvc.status.loadBalancer.ingress[0].ip", "wordpressSvc", Service,
            x => (string)x["status"]!["loadBalancer"]!["ingress"]![0]!["ip"]!);
        foreach (var suffix in new[] { "-mysql-admin", "-db", "-init-wordpress-db", "-wordpress-app", "-wordpress-svc" })
        {
            Add("name + \"" + suffix + "\"", "schema.metadata.name + \"" + suffix + "\"", "schema", Schema, x => (string)x["metadata"]!["name"]! + suffix);
        }

        Add("schema.metadata.namespace", "schema.metadata.namespace", "schema", Schema, x => (string)x["metadata"]!["namespace"]!);
        foreach (var field in new[] { "mysqlAdminUsername", "mysqlAdminPassword", "compartmentId", "mysqlShapeName", "subnetId", "configurationId", "availabilityDomain" })
        {
            Add("schema.spec." + field, "schema.spec." + field, "schema", Schema, x => (string)x["spec"]![field]!);
        }

        Add("schema.spec.mysqlStorageSizeInGBs", "schema.spec.mysqlStorageSizeInGBs", "schema", Schema, x => (long)x["spec"]!["mysqlStorageSizeInGBs"]!);
        Add("lifecycleState == ACTIVE", "mysqlDbSystem.status.?lifecycleState.orValue(\"\") == \"ACTIVE\"", "mysqlDbSystem", DbSystem,
            x => ((string?)x["status"]?["lifecycleState"] ?? "") == "ACTIVE");
        Add("mysqlAdminSecret.metadata.name", "mysqlAdminSecret.metadata.name", "mysqlAdminSecret", Secret, x => (string)x["metadata"]!["name"]!);
        Add("mysqlDbSystem.metadata.name", "mysqlDbSystem.metadata.name", "mysqlDbSystem", DbSystem, x => (string)x["metadata"]!["name"]!);
        Add("succeeded > 0", "initWordpressDb.status.succeeded > 0", "initWordpressDb", Job, x => (long)x["status"]!["succeeded"]! > 0);
        Add("availableReplicas > 0", "wordpressDeployment.status.availableReplicas > 0", "wordpressDeployment", Deployment, x => (long)x["status"]!["availableReplicas"]! > 0);
        Add("string(succeeded)", "string(initWordpressDb.status.succeeded)", "initWordpressDb", Job,
            x => ((long)x["status"]!["succeeded"]!).ToString(CultureInfo.InvariantCulture));
        Add("string(availableReplicas)", "string(wordpressDeployment.status.availableReplicas)", "wordpressDeployment", Deployment,
            x => ((long)x["status"]!["availableReplicas"]!).ToString(CultureInfo.InvariantCulture));
        Add("ingress.orValue([]).size() > 0", "wordpressSvc.status.?loadBalancer.?ingress.orValue([]).size() > 0", "wordpressSvc", Service,
            x => (x["status"]?["loadBalancer"]?["ingress"] as JsonArray ?? []).Count > 0);

        var items = new JsonArray([.. Enumerable.Range(0, 100).Select(i => (JsonNode)new JsonObject { ["name"] = "item-" + i, ["enabled"] = i % 3 != 0 })]);
        cases.Add(new CelEngineCase("filter.map.size (100)", "items.filter(i, i.enabled).map(i, i.name).size()",
            new Dictionary<string, JsonNode> { ["items"] = items }, v =>
            {
                var names = new List<string>();
                foreach (var item in v["items"].AsArray())
                {
                    if ((bool)item!["enabled"]!)
                    {
                        names.Add((string)item["name"]!);
                    }
                }

                return (long)names.Count;
            }));

        var labels = new JsonObject();
        for (var i = 0; i < 19; i++)
        {
            labels["example.com/label-" + i] = "v" + i;
        }

        labels["app.kubernetes.io/name"] = "wordpress";
        cases.Add(new CelEngineCase("labels.exists startsWith (20)", "metadata.labels.exists(k, k.startsWith(\"app.kubernetes.io/\"))",
            new Dictionary<string, JsonNode> { ["metadata"] = new JsonObject { ["labels"] = labels } }, v =>
            {
                foreach (var (key, _) in v["metadata"]["labels"]!.AsObject())
                {
                    if (key.StartsWith("app.kubernetes.io/", StringComparison.Ordinal))
                    {
                        return true;
                    }
                }

                return false;
            }));
        return cases;
    }
}
