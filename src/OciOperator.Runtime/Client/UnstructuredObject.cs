using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace OciOperator.Runtime.Client;

/// <summary>
/// An object of a kind known only at run time (dynamic informers, the RGD engine): typed metadata plus the
/// rest of the JSON body. Serializes back to the same shape with the (possibly edited) metadata.
/// </summary>
[JsonConverter(typeof(UnstructuredObjectJsonConverter))]
public sealed class UnstructuredObject : IKubernetesObject<V1ObjectMeta>
{
    public UnstructuredObject()
        : this(new JsonObject())
    {
    }

    public UnstructuredObject(JsonObject content)
    {
        ArgumentNullException.ThrowIfNull(content);
        Content = content;
        ApiVersion = content["apiVersion"]?.GetValue<string>() ?? string.Empty;
        Kind = content["kind"]?.GetValue<string>() ?? string.Empty;
        Metadata = content["metadata"] is JsonObject meta
            ? KubernetesJson.Deserialize<V1ObjectMeta>(meta)
            : new V1ObjectMeta();
    }

    public string ApiVersion { get; set; }

    public string Kind { get; set; }

    public V1ObjectMeta Metadata { get; set; }

    /// <summary>The whole body (its <c>metadata</c>, <c>apiVersion</c> and <c>kind</c> are refreshed on serialization).</summary>
    public JsonObject Content { get; }

    /// <summary>A top-level field such as <c>spec</c> or <c>status</c>.</summary>
    public JsonNode? this[string field]
    {
        get => Content[field];
        set => Content[field] = value;
    }

    /// <summary>The body with current metadata, apiVersion and kind.</summary>
    public JsonObject ToJsonObject()
    {
        var copy = (JsonObject)Content.DeepClone();
        copy["apiVersion"] = ApiVersion;
        copy["kind"] = Kind;
        copy["metadata"] = JsonNode.Parse(KubernetesJson.Serialize(Metadata));
        return copy;
    }
}
