using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Simulators.Client;

namespace OciOperator.Sandbox.Kube.Simulators.Workloads;

/// <summary>The <c>ownerReferences</c> entry a controller puts on what it creates, and who controls an object.</summary>
internal static class ControllerRefs
{
    /// <summary><c>{apiVersion, kind, name, uid, controller: true, blockOwnerDeletion: true}</c> naming <paramref name="owner"/>.</summary>
    public static JsonObject To(JsonObject owner, string apiVersion, string kind) => new()
    {
        ["apiVersion"] = apiVersion,
        ["kind"] = kind,
        ["name"] = ObjectKeys.Text(owner["metadata"]?["name"]),
        ["uid"] = ObjectKeys.Text(owner["metadata"]?["uid"]),
        ["controller"] = true,
        ["blockOwnerDeletion"] = true,
    };

    /// <summary>The kind and name of the owner marked <c>controller: true</c>, if any.</summary>
    public static (string Kind, string Name, string Uid)? ControllerOf(JsonNode? obj)
    {
        foreach (var r in (obj?["metadata"]?["ownerReferences"] as JsonArray)?.OfType<JsonObject>() ?? [])
        {
            if (ObjectKeys.Flag(r["controller"]) && ObjectKeys.Text(r["kind"]) is { } kind && ObjectKeys.Text(r["name"]) is { } name)
            {
                return (kind, name, ObjectKeys.Text(r["uid"]) ?? "");
            }
        }

        return null;
    }

    /// <summary>The <c>namespace/name</c> key of the controller of <paramref name="obj"/> when it is a <paramref name="kind"/>.</summary>
    public static string? OwnerKey(JsonNode? obj, string kind) =>
        ControllerOf(obj) is { } owner && owner.Kind == kind
            ? (ObjectKeys.Text(obj?["metadata"]?["namespace"]) ?? "") + "/" + owner.Name
            : null;

    /// <summary>The objects in <paramref name="ns"/> that <paramref name="owner"/> controls (by uid), not being deleted.</summary>
    public static List<JsonObject> Owned(IEnumerable<JsonObject> items, string ns, JsonObject owner)
    {
        var uid = ObjectKeys.Text(owner["metadata"]?["uid"]);
        return items
            .Where(i => ObjectKeys.Text(i["metadata"]?["namespace"]) == ns
                        && i["metadata"]?["deletionTimestamp"] is null
                        && ControllerOf(i) is { } c && c.Uid == uid)
            .ToList();
    }
}
