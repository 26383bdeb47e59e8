using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OciOperator.Commands;
using static OciOperator.Tests.Packaging.PackagingFiles;

namespace OciOperator.Tests.Packaging;

/// <summary>
/// What <c>operator-sdk bundle validate --select-optional suite=operatorframework</c> checks of a registry+v1 bundle
/// (operator-framework/api's bundle, CSV, CRD and OperatorHub validators), on the files as they are.
/// </summary>
internal static partial class BundleValidator
{
    public const string MediatypeKey = "operators.operatorframework.io.bundle.mediatype.v1";
    public const string ManifestsKey = "operators.operatorframework.io.bundle.manifests.v1";
    public const string MetadataKey = "operators.operatorframework.io.bundle.metadata.v1";
    public const string PackageKey = "operators.operatorframework.io.bundle.package.v1";
    public const string ChannelsKey = "operators.operatorframework.io.bundle.channels.v1";
    public const string DefaultChannelKey = "operators.operatorframework.io.bundle.channel.default.v1";
    public const string TestConfigKey = "operators.operatorframework.io.test.config.v1";

    private static readonly HashSet<string> Capabilities = ["Basic Install", "Seamless Upgrades", "Full Lifecycle", "Deep Insights", "Auto Pilot"];

    private static readonly HashSet<string> Categories =
    [
        "AI/Machine Learning", "Application Runtime", "Big Data", "Cloud Provider", "Developer Tools", "Database",
        "Integration & Delivery", "Logging & Tracing", "Monitoring", "Networking", "OpenShift Optional", "Security",
        "Storage", "Streaming & Messaging", "Observability",
    ];

    private static readonly HashSet<string> IconMediatypes = ["image/gif", "image/jpeg", "image/png", "image/svg+xml"];

    private static readonly HashSet<string> InstallModeTypes = ["OwnNamespace", "SingleNamespace", "MultiNamespace", "AllNamespaces"];

    private static readonly HashSet<string> ExtraKinds =
    [
        "ClusterRole", "ClusterRoleBinding", "ConfigMap", "ConsoleCLIDownload", "ConsoleLink", "ConsoleQuickStart",
        "ConsoleYAMLSample", "PodDisruptionBudget", "PriorityClass", "PrometheusRule", "Role", "RoleBinding", "Secret",
        "Service", "ServiceAccount", "ServiceMonitor", "VerticalPodAutoscaler",
    ];

    public static List<string> Validate(string bundle)
    {
        var errors = new List<string>();
        var annotations = Annotations(bundle, errors);
        CheckDockerfile(bundle, annotations, errors);

        var manifests = Path.Combine(bundle, "manifests");
        var objects = Directory.Exists(manifests)
            ? Directory.EnumerateFiles(manifests).Order(StringComparer.Ordinal).SelectMany(ParseFile).ToList()
            : [];
        var csvs = objects.Where(o => Kind(o) == "ClusterServiceVersion").ToList();
        if (csvs is not [var csv])
        {
            errors.Add($"manifests/ must hold exactly one ClusterServiceVersion (found {csvs.Count})");
            return errors;
        }

        var crds = objects.Where(o => Kind(o) == "CustomResourceDefinition").ToList();
        foreach (var other in objects.Where(o => Kind(o) is not ("ClusterServiceVersion" or "CustomResourceDefinition") && !ExtraKinds.Contains(Kind(o) ?? "")))
        {
            errors.Add($"manifests/ holds a {Kind(other)}, which registry+v1 does not support");
        }

        CheckCsv(csv, annotations.GetValueOrDefault(PackageKey) ?? "", errors);
        CheckOwnedCrds(csv, crds, errors);
        CheckExamples(csv, crds, errors);
        return errors;
    }

    /// <summary>The example objects of <c>alm-examples</c>.</summary>
    public static JsonArray Examples(JsonObject csv) => (JsonArray)JsonNode.Parse(Str(csv["metadata"]?["annotations"]?["alm-examples"]))!;

    public static JsonObject Csv(string bundle) =>
        Directory.EnumerateFiles(Path.Combine(bundle, "manifests")).SelectMany(ParseFile).Single(o => Kind(o) == "ClusterServiceVersion");

    private static Dictionary<string, string> Annotations(string bundle, List<string> errors)
    {
        var path = Path.Combine(bundle, "metadata", "annotations.yaml");
        if (!File.Exists(path))
        {
            errors.Add("metadata/annotations.yaml is missing");
            return [];
        }

        var map = (ParseFile(path).SingleOrDefault()?["annotations"] as JsonObject ?? []).ToDictionary(p => p.Key, p => Str(p.Value), StringComparer.Ordinal);
        Expect(map, MediatypeKey, "registry+v1", errors);
        Expect(map, ManifestsKey, "manifests/", errors);
        Expect(map, MetadataKey, "metadata/", errors);
        if (string.IsNullOrEmpty(map.GetValueOrDefault(PackageKey)))
        {
            errors.Add($"annotation {PackageKey} is missing");
        }

        var channels = (map.GetValueOrDefault(ChannelsKey) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);
        if (channels.Length == 0)
        {
            errors.Add($"annotation {ChannelsKey} names no channel");
        }

        if (map.TryGetValue(DefaultChannelKey, out var defaultChannel) && !channels.Contains(defaultChannel))
        {
            errors.Add($"the default channel {defaultChannel} is not one of the channels {string.Join(',', channels)}");
        }

        if (map.TryGetValue(TestConfigKey, out var tests) && !File.Exists(Path.Combine(bundle, tests, "config.yaml")))
        {
            errors.Add($"annotation {TestConfigKey} names {tests}, which has no config.yaml");
        }

        return map;
    }

    private static void CheckDockerfile(string bundle, Dictionary<string, string> annotations, List<string> errors)
    {
        var path = Path.Combine(bundle, "bundle.Dockerfile");
        if (!File.Exists(path))
        {
            errors.Add("bundle.Dockerfile is missing");
            return;
        }

        var lines = File.ReadAllLines(path);
        var labels = lines.Select(l => Label().Match(l)).Where(m => m.Success).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.Ordinal);
        if (!labels.OrderBy(p => p.Key, StringComparer.Ordinal).SequenceEqual(annotations.OrderBy(p => p.Key, StringComparer.Ordinal)))
        {
            errors.Add("the labels of bundle.Dockerfile differ from metadata/annotations.yaml");
        }

        foreach (var directory in new[] { "manifests", "metadata" })
        {
            if (!lines.Contains($"COPY {directory} /{directory}/"))
            {
                errors.Add($"bundle.Dockerfile does not copy {directory}/ to /{directory}/");
            }
        }
    }

    private static void CheckCsv(JsonObject csv, string package, List<string> errors)
    {
        var spec = csv["spec"] as JsonObject ?? [];
        var version = Str(spec["version"]);
        var annotations = csv["metadata"]?["annotations"] as JsonObject ?? [];
        Require(Str(csv["apiVersion"]) == "operators.coreos.com/v1alpha1", "the CSV's apiVersion is not operators.coreos.com/v1alpha1", errors);
        Require(SemVer().IsMatch(version), $"spec.version '{version}' is not a semantic version", errors);
        Require(Name(csv) == $"{package}.v{version}", $"the CSV is named {Name(csv)}, not {package}.v{version}", errors);
        foreach (var field in new[] { "displayName", "description", "maturity" })
        {
            Require(Str(spec[field]).Length > 0, $"spec.{field} is missing", errors);
        }

        Require(Str(spec["provider"]?["name"]).Length > 0, "spec.provider.name is missing", errors);
        Require(spec["keywords"] is JsonArray { Count: > 0 }, "spec.keywords is empty", errors);
        Require(SemVer().IsMatch(Str(spec["minKubeVersion"])), $"spec.minKubeVersion '{Str(spec["minKubeVersion"])}' is not a semantic version", errors);
        foreach (var maintainer in (spec["maintainers"] as JsonArray ?? []).OfType<JsonObject>())
        {
            Require(Email().IsMatch(Str(maintainer["email"])) && Str(maintainer["name"]).Length > 0, $"maintainer {maintainer.ToJsonString()} needs a name and a valid email", errors);
        }

        Require(spec["maintainers"] is JsonArray { Count: > 0 }, "spec.maintainers is empty", errors);
        foreach (var link in (spec["links"] as JsonArray ?? []).OfType<JsonObject>())
        {
            Require(Str(link["name"]).Length > 0 && Uri.TryCreate(Str(link["url"]), UriKind.Absolute, out _), $"link {link.ToJsonString()} needs a name and an absolute url", errors);
        }

        CheckIcon(spec, errors);
        Require(Capabilities.Contains(Str(annotations["capabilities"])), $"capabilities '{Str(annotations["capabilities"])}' is not a capability level", errors);
        foreach (var category in Str(annotations["categories"]).Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            Require(Categories.Contains(category), $"category '{category}' is not an OperatorHub category", errors);
        }

        Require(Str(annotations["containerImage"]).Length > 0, "the containerImage annotation is missing", errors);
        var modes = (spec["installModes"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        Require(modes.Select(m => Str(m["type"])).ToHashSet().SetEquals(InstallModeTypes), "spec.installModes must list each of the four install modes once", errors);
        Require(modes.Any(m => m["supported"]?.GetValue<bool>() == true), "no install mode is supported", errors);
        CheckInstall(spec, errors);
    }

    private static void CheckIcon(JsonObject spec, List<string> errors)
    {
        if (spec["icon"] is not JsonArray { Count: 1 } icons || icons[0] is not JsonObject icon)
        {
            errors.Add("spec.icon must have exactly one element");
            return;
        }

        Require(IconMediatypes.Contains(Str(icon["mediatype"])), $"icon mediatype '{Str(icon["mediatype"])}' is not gif, jpeg, png or svg+xml", errors);
        var data = Str(icon["base64data"]);
        var buffer = new byte[data.Length];
        Require(data.Length > 0 && Convert.TryFromBase64String(data, buffer, out _), "the icon's base64data is not base64", errors);
    }

    private static void CheckInstall(JsonObject spec, List<string> errors)
    {
        var install = spec["install"] as JsonObject ?? [];
        Require(Str(install["strategy"]) == "deployment", "spec.install.strategy is not deployment", errors);
        var deployments = (install["spec"]?["deployments"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        Require(deployments.Count > 0 && deployments.All(d => Str(d["name"]).Length > 0 && d["spec"] is JsonObject), "spec.install.spec.deployments needs named deployments with a spec", errors);
        var accounts = deployments.Select(d => Str(d["spec"]?["template"]?["spec"]?["serviceAccountName"])).ToHashSet();
        foreach (var permission in new[] { "permissions", "clusterPermissions" }.SelectMany(k => (install["spec"]?[k] as JsonArray ?? []).OfType<JsonObject>()))
        {
            Require(accounts.Contains(Str(permission["serviceAccountName"])), $"permissions for {Str(permission["serviceAccountName"])}, which no deployment uses", errors);
            Require(permission["rules"] is JsonArray { Count: > 0 }, $"permissions for {Str(permission["serviceAccountName"])} have no rules", errors);
        }
    }

    private static void CheckOwnedCrds(JsonObject csv, List<JsonObject> crds, List<string> errors)
    {
        var owned = (csv["spec"]?["customresourcedefinitions"]?["owned"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        foreach (var entry in owned)
        {
            var name = Str(entry["name"]);
            var crd = crds.FirstOrDefault(c => Name(c) == name);
            if (crd is null)
            {
                errors.Add($"owned CRD {name} is not in manifests/");
                continue;
            }

            var crdSpec = crd["spec"]!;
            var version = (crdSpec["versions"] as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault(v => Str(v["name"]) == Str(entry["version"]));
            Require(name == $"{Str(crdSpec["names"]?["plural"])}.{Str(crdSpec["group"])}", $"CRD {name} is not named <plural>.<group>", errors);
            Require(Str(entry["kind"]) == Str(crdSpec["names"]?["kind"]), $"owned CRD {name} has kind {Str(entry["kind"])}, the CRD {Str(crdSpec["names"]?["kind"])}", errors);
            Require(version?["served"]?.GetValue<bool>() == true, $"owned CRD {name} names version {Str(entry["version"])}, which the CRD does not serve", errors);
            Require(Str(entry["displayName"]).Length > 0 && Str(entry["description"]).Length > 0, $"owned CRD {name} needs a displayName and a description", errors);
            var schema = version?["schema"]?["openAPIV3Schema"]?["properties"];
            foreach (var (kind, root) in new[] { ("specDescriptors", "spec"), ("statusDescriptors", "status") })
            {
                foreach (var descriptor in (entry[kind] as JsonArray ?? []).OfType<JsonObject>())
                {
                    Require(Resolves(schema?[root], Str(descriptor["path"])), $"{name} {kind} path '{Str(descriptor["path"])}' is not a field of .{root}", errors);
                }
            }
        }

        foreach (var crd in crds.Where(c => !owned.Any(e => Str(e["name"]) == Name(c))))
        {
            errors.Add($"manifests/ holds the CRD {Name(crd)}, which the CSV does not own");
        }
    }

    private static void CheckExamples(JsonObject csv, List<JsonObject> crds, List<string> errors)
    {
        JsonArray examples;
        try
        {
            examples = Examples(csv);
        }
        catch (Exception ex) when (ex is JsonException or InvalidCastException or ArgumentNullException)
        {
            errors.Add($"alm-examples is not a JSON array: {ex.Message}");
            return;
        }

        var owned = (csv["spec"]?["customresourcedefinitions"]?["owned"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        foreach (var example in examples.OfType<JsonObject>())
        {
            var matches = owned.Any(o => Str(o["kind"]) == Kind(example)
                && crds.Any(c => Name(c) == Str(o["name"]) && Str(example["apiVersion"]) == $"{Str(c["spec"]?["group"])}/{Str(o["version"])}"));
            Require(matches, $"alm-examples has a {Str(example["apiVersion"])} {Kind(example)}, which is not an owned kind", errors);
        }

        foreach (var entry in owned.Where(o => !examples.OfType<JsonObject>().Any(e => Kind(e) == Str(o["kind"]))))
        {
            errors.Add($"alm-examples has no {Str(entry["kind"])}");
        }
    }

    /// <summary>Whether the dotted <paramref name="path"/> names a property under <paramref name="schema"/> (through list items too).</summary>
    private static bool Resolves(JsonNode? schema, string path)
    {
        foreach (var segment in path.Split('.'))
        {
            var properties = schema?["properties"] ?? schema?["items"]?["properties"];
            schema = properties?[segment];
            if (schema is null)
            {
                return false;
            }
        }

        return true;
    }

    private static void Expect(Dictionary<string, string> map, string key, string value, List<string> errors) =>
        Require(map.GetValueOrDefault(key) == value, $"annotation {key} is '{map.GetValueOrDefault(key)}', not '{value}'", errors);

    private static void Require(bool condition, string error, List<string> errors)
    {
        if (!condition)
        {
            errors.Add(error);
        }
    }

    [GeneratedRegex(@"^LABEL ([^=\s]+)=(.*)$")]
    private static partial Regex Label();

    [GeneratedRegex(@"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$")]
    private static partial Regex SemVer();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Email();
}
