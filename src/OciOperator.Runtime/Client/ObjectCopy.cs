using System.Text.Json.Nodes;
using k8s;

namespace OciOperator.Runtime.Client;

/// <summary>Deep copies through the Kubernetes JSON serializer (cached objects must never be mutated in place).</summary>
public static class ObjectCopy
{
    public static T Clone<T>(T obj)
        where T : class => KubernetesJson.Deserialize<T>(KubernetesJson.Serialize(obj));

    public static JsonObject ToJson(object obj) => (JsonObject)JsonNode.Parse(KubernetesJson.Serialize(obj))!;
}
