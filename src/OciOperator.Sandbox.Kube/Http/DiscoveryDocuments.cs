using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Resources;

namespace OciOperator.Sandbox.Kube.Http;

/// <summary>
/// Legacy discovery documents (§1.1): <c>/api</c>, <c>/api/v1</c>, <c>/apis</c>, <c>/apis/{g}</c>, <c>/apis/{g}/{v}</c>.
/// Always plain <c>application/json</c>, which client-go accepts even when it asked for aggregated discovery.
/// </summary>
internal sealed class DiscoveryDocuments(ResourceRegistry registry)
{
    public static JsonObject Version() => new()
    {
        ["major"] = "1",
        ["minor"] = "32",
        ["gitVersion"] = "v1.32.0",
        ["gitCommit"] = "0000000000000000000000000000000000000000",
        ["gitTreeState"] = "clean",
        ["buildDate"] = "2025-01-01T00:00:00Z",
        ["goVersion"] = "go1.23.4",
        ["compiler"] = "gc",
        ["platform"] = "linux/amd64",
    };

    /// <summary>The document for a discovery path, or null when the path is not one.</summary>
    public JsonObject? TryGet(string[] segments, string host) => segments switch
    {
        ["api"] => new JsonObject
        {
            ["kind"] = "APIVersions",
            ["versions"] = new JsonArray("v1"),
            ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = host }),
        },
        ["api", var v] when registry.Resources("", v).Count > 0 => ResourceList("", v),
        ["apis"] => GroupList(),
        ["apis", var g] when registry.Groups().Any(x => x.Group == g && g.Length > 0) => Group(g),
        ["apis", var g, var v] when g.Length > 0 && registry.Resources(g, v).Count > 0 => ResourceList(g, v),
        _ => null,
    };

    private JsonObject GroupList()
    {
        var groups = new JsonArray();
        foreach (var (group, _) in registry.Groups().Where(g => g.Group.Length > 0))
        {
            groups.Add(GroupBody(group));
        }

        return new JsonObject { ["kind"] = "APIGroupList", ["apiVersion"] = "v1", ["groups"] = groups };
    }

    private JsonObject Group(string group)
    {
        var body = GroupBody(group);
        var result = new JsonObject { ["kind"] = "APIGroup", ["apiVersion"] = "v1" };
        foreach (var (key, value) in body.ToList())
        {
            body.Remove(key);
            result[key] = value;
        }

        return result;
    }

    private JsonObject GroupBody(string group)
    {
        var versions = registry.Groups().First(g => g.Group == group).Versions;
        var list = new JsonArray();
        foreach (var v in versions)
        {
            list.Add(new JsonObject { ["groupVersion"] = group + "/" + v, ["version"] = v });
        }

        return new JsonObject
        {
            ["name"] = group,
            ["versions"] = list,
            ["preferredVersion"] = new JsonObject { ["groupVersion"] = group + "/" + versions[0], ["version"] = versions[0] },
        };
    }

    private JsonObject ResourceList(string group, string version)
    {
        var resources = new JsonArray();
        foreach (var d in registry.Resources(group, version))
        {
            var entry = new JsonObject
            {
                ["name"] = d.Plural,
                ["singularName"] = d.Singular,
                ["namespaced"] = d.Namespaced,
                ["kind"] = d.Kind,
                ["verbs"] = new JsonArray([.. d.Verbs.Select(v => (JsonNode?)JsonValue.Create(v))]),
            };
            if (d.ShortNames.Count > 0)
            {
                entry["shortNames"] = new JsonArray([.. d.ShortNames.Select(v => (JsonNode?)JsonValue.Create(v))]);
            }

            if (d.Categories.Count > 0)
            {
                entry["categories"] = new JsonArray([.. d.Categories.Select(v => (JsonNode?)JsonValue.Create(v))]);
            }

            resources.Add(entry);
            if (d.HasStatus)
            {
                resources.Add(new JsonObject
                {
                    ["name"] = d.Plural + "/status",
                    ["singularName"] = "",
                    ["namespaced"] = d.Namespaced,
                    ["kind"] = d.Kind,
                    ["verbs"] = new JsonArray("get", "patch", "update"),
                });
            }

            if (d.Scale is not null)
            {
                resources.Add(new JsonObject
                {
                    ["name"] = d.Plural + "/scale",
                    ["singularName"] = "",
                    ["namespaced"] = d.Namespaced,
                    ["group"] = "autoscaling",
                    ["version"] = "v1",
                    ["kind"] = "Scale",
                    ["verbs"] = new JsonArray("get", "patch", "update"),
                });
            }

            if (d is { Group: "", Kind: "Pod", IsCustom: false })
            {
                foreach (var (sub, kind, verbs) in new[] { ("log", "Pod", new[] { "get" }), ("exec", "PodExecOptions", ["create", "get"]), ("attach", "PodAttachOptions", ["create", "get"]), ("portforward", "PodPortForwardOptions", ["create", "get"]) })
                {
                    resources.Add(new JsonObject
                    {
                        ["name"] = "pods/" + sub,
                        ["singularName"] = "",
                        ["namespaced"] = true,
                        ["kind"] = kind,
                        ["verbs"] = new JsonArray([.. verbs.Select(v => (JsonNode?)JsonValue.Create(v))]),
                    });
                }
            }
        }

        return new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = group.Length == 0 ? version : group + "/" + version,
            ["resources"] = resources,
        };
    }
}
