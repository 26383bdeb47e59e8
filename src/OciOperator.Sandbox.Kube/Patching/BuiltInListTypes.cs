using System.Collections.Frozen;

namespace OciOperator.Sandbox.Kube.Patching;

/// <summary>
/// The list merge keys of the built-in kinds the Sandbox serves (the <c>patchStrategy</c>/<c>patchMergeKey</c> and
/// <c>listType</c>/<c>listMapKey</c> tags of <c>k8s.io/api</c>), plus those of ObjectMeta that every kind shares.
/// </summary>
internal static class BuiltInListTypes
{
    private static readonly ListTypeInfo Ports = ListTypeInfo.Map("containerPort", "protocol").WithKeyDefault("protocol", "TCP");

    private static readonly FrozenDictionary<string, ListTypeInfo> ContainerLists = new Dictionary<string, ListTypeInfo>
    {
        ["ports"] = Ports,
        ["env"] = ListTypeInfo.Map("name"),
        ["volumeMounts"] = ListTypeInfo.Map("mountPath"),
        ["volumeDevices"] = ListTypeInfo.Map("devicePath"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, ListTypeInfo> PodSpecLists = new Dictionary<string, ListTypeInfo>
    {
        ["containers"] = ListTypeInfo.Map("name"),
        ["initContainers"] = ListTypeInfo.Map("name"),
        ["ephemeralContainers"] = ListTypeInfo.Map("name"),
        ["volumes"] = ListTypeInfo.Map("name"),
        ["imagePullSecrets"] = ListTypeInfo.Map("name"),
        ["hostAliases"] = ListTypeInfo.Map("ip"),
        ["topologySpreadConstraints"] = ListTypeInfo.Map("topologyKey", "whenUnsatisfiable"),
        ["schedulingGates"] = ListTypeInfo.Map("name"),
        ["resourceClaims"] = ListTypeInfo.Map("name"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly string[] ContainerListNames = ["containers", "initContainers", "ephemeralContainers"];

    /// <summary>The resolver for a built-in kind (unknown kinds get ObjectMeta's lists and atomic everywhere else).</summary>
    public static ListTypeResolver For(string apiVersion, string kind)
    {
        var podSpec = PodSpecPath(apiVersion, kind);
        return path => ObjectMeta(path) ?? Resolve(apiVersion, kind, podSpec, path) ?? ListTypeInfo.Atomic;
    }

    /// <summary>Wraps a resolver (e.g. one built from a CRD schema) so that ObjectMeta's lists resolve too.</summary>
    public static ListTypeResolver WithObjectMeta(ListTypeResolver inner) => path => ObjectMeta(path) ?? inner(path);

    /// <summary>ObjectMeta: finalizers are a set, ownerReferences a map keyed by uid.</summary>
    public static ListTypeInfo? ObjectMeta(string path) => path switch
    {
        "metadata.finalizers" => ListTypeInfo.Set,
        "metadata.ownerReferences" => ListTypeInfo.Map("uid"),
        _ => null,
    };

    private static string? PodSpecPath(string apiVersion, string kind) => (apiVersion, kind) switch
    {
        ("v1", "Pod") => "spec",
        ("v1", "PodTemplate") => "template.spec",
        ("v1", "ReplicationController") => "spec.template.spec",
        ("apps/v1", "Deployment" or "ReplicaSet" or "StatefulSet" or "DaemonSet") => "spec.template.spec",
        ("batch/v1", "Job") => "spec.template.spec",
        ("batch/v1", "CronJob") => "spec.jobTemplate.spec.template.spec",
        _ => null,
    };

    private static ListTypeInfo? Resolve(string apiVersion, string kind, string? podSpec, string path)
    {
        if (podSpec is not null && path.StartsWith(podSpec + ".", StringComparison.Ordinal))
        {
            var relative = path[(podSpec.Length + 1)..];
            if (PodSpecLists.TryGetValue(relative, out var podList))
            {
                return podList;
            }

            foreach (var containers in ContainerListNames)
            {
                if (relative.StartsWith(containers + ".", StringComparison.Ordinal)
                    && ContainerLists.TryGetValue(relative[(containers.Length + 1)..], out var containerList))
                {
                    return containerList;
                }
            }
        }

        if (path == "status.conditions" && IsBuiltInGroup(apiVersion))
        {
            return ListTypeInfo.Map("type");
        }

        return (apiVersion, kind, path) switch
        {
            ("v1", "Service", "spec.ports") => ListTypeInfo.Map("port", "protocol").WithKeyDefault("protocol", "TCP"),
            ("v1", "Service", "spec.selector") => ListTypeInfo.AtomicObject, // +mapType=atomic
            ("apps/v1", "Deployment" or "ReplicaSet" or "StatefulSet" or "DaemonSet", "spec.selector") => ListTypeInfo.AtomicObject, // LabelSelector +structType=atomic
            ("batch/v1", "Job", "spec.selector") => ListTypeInfo.AtomicObject,
            ("v1", "ServiceAccount", "secrets") => ListTypeInfo.Map("name"),
            ("v1", "Pod", "status.podIPs" or "status.hostIPs") => ListTypeInfo.Map("ip"),
            _ => null,
        };
    }

    private static bool IsBuiltInGroup(string apiVersion)
    {
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return apiVersion == "v1";
        }

        var group = apiVersion[..slash];
        return !group.Contains('.', StringComparison.Ordinal) || group.EndsWith(".k8s.io", StringComparison.Ordinal);
    }
}
