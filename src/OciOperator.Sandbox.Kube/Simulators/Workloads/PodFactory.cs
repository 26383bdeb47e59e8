using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Simulators.Client;

namespace OciOperator.Sandbox.Kube.Simulators.Workloads;

/// <summary>A Pod made from a workload's pod template, owned by the workload as its controller.</summary>
internal static class PodFactory
{
    /// <param name="owner">The controlling workload.</param>
    /// <param name="ownerKind">Its kind, e.g. <c>ReplicaSet</c> (all are <c>apps/v1</c>).</param>
    /// <param name="template">The pod template.</param>
    /// <param name="name">The pod's name, or null to have the server generate <c>&lt;owner&gt;-xxxxx</c>.</param>
    /// <param name="extraLabels">Labels the controller adds (revision hashes, pod names).</param>
    public static JsonObject FromTemplate(JsonObject owner, string ownerKind, JsonNode? template, string? name, IReadOnlyDictionary<string, string>? extraLabels = null)
    {
        var ns = ObjectKeys.Text(owner["metadata"]?["namespace"]) ?? "default";
        var metadata = new JsonObject { ["namespace"] = ns };
        if (name is null)
        {
            metadata["generateName"] = ObjectKeys.Text(owner["metadata"]?["name"]) + "-";
        }
        else
        {
            metadata["name"] = name;
        }

        var labels = template?["metadata"]?["labels"]?.DeepClone() as JsonObject ?? [];
        foreach (var (k, v) in extraLabels ?? new Dictionary<string, string>())
        {
            labels[k] = v;
        }

        if (labels.Count > 0)
        {
            metadata["labels"] = labels;
        }

        if (template?["metadata"]?["annotations"] is JsonObject annotations)
        {
            metadata["annotations"] = annotations.DeepClone();
        }

        metadata["ownerReferences"] = new JsonArray(ControllerRefs.To(owner, "apps/v1", ownerKind));
        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["metadata"] = metadata,
            ["spec"] = template?["spec"]?.DeepClone() ?? new JsonObject(),
        };
    }
}
