using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Resources;
using OciOperator.Sandbox.Kube.Schema;

namespace OciOperator.Sandbox.Kube.Semantics;

/// <summary>Objects as a requested version shows them, and the form they are stored in.</summary>
internal static class ObjectViews
{
    /// <summary>
    /// The object as the requested version shows it: apiVersion rewritten for other served versions, events.k8s.io
    /// Events converted from the stored core/v1 form, and for custom resources the schema defaults applied on read
    /// (not written back), as the apiserver does after a schema change. Already-converted objects pass unchanged.
    /// </summary>
    public static JsonObject View(ResourceDescriptor d, JsonObject stored)
    {
        if (d.SharedStorageKey is not null)
        {
            return IsEventsV1(d) && EventConversion.IsCore(stored) ? EventConversion.ToEventsV1(stored) : stored;
        }

        var sameVersion = stored["apiVersion"]?.ToString() == d.ApiVersion;
        if (IsHpa(d))
        {
            return sameVersion ? stored : d.Version == "v1" ? HpaConversion.ToV1(stored) : HpaConversion.ToV2(stored);
        }

        if (sameVersion && (!d.IsCustom || d.Schema is null))
        {
            return stored;
        }

        var copy = (JsonObject)stored.DeepClone();
        copy["apiVersion"] = d.ApiVersion;
        if (d is { IsCustom: true, Schema: { } schema })
        {
            SchemaDefaulter.ApplyDefaults(copy, schema);
        }

        return copy;
    }

    /// <summary>What an update or patch starts from: the requested version's view for converted kinds, else the stored object.</summary>
    public static JsonObject UpdateBase(ResourceDescriptor d, JsonObject stored) => d.SharedStorageKey is null && !IsHpa(d) ? stored : View(d, stored);

    /// <summary>The form an object is stored in: events.k8s.io Events become core/v1 Events, HPAs autoscaling/v2.</summary>
    public static JsonObject ToStorage(ResourceDescriptor d, JsonObject obj)
    {
        if (IsHpa(d))
        {
            return obj["apiVersion"]?.ToString() == HpaConversion.V1 ? HpaConversion.ToV2(obj) : obj;
        }

        return IsEventsV1(d) && !EventConversion.IsCore(obj) ? EventConversion.ToCore(obj) : obj;
    }

    private static bool IsHpa(ResourceDescriptor d) => d is { Group: "autoscaling", Kind: "HorizontalPodAutoscaler", IsCustom: false };

    private static bool IsEventsV1(ResourceDescriptor d) => d is { Group: BuiltInResources.EventsGroup, Kind: "Event", IsCustom: false };

    /// <summary>The views of stored objects, for Table rendering.</summary>
    public static List<JsonObject> Views(ResourceDescriptor d, IEnumerable<JsonObject> stored) => [.. stored.Select(o => View(d, o))];
}
