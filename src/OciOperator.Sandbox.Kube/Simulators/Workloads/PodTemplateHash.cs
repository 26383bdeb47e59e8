using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Patching;

namespace OciOperator.Sandbox.Kube.Simulators.Workloads;

/// <summary>
/// The <c>pod-template-hash</c> the Deployment controller labels its ReplicaSets and their Pods with: FNV-32a of
/// the pod template (here its canonical JSON: keys sorted, and nulls and empty maps and lists left out as Go's
/// <c>omitempty</c> does, so a template that went through a typed client — kubectl's <c>rollout undo</c> sends
/// <c>creationTimestamp: null</c> and <c>resources: {}</c> — is the same template) and the <c>collisionCount</c>,
/// written in the "safe" alphabet without vowels.
/// </summary>
internal static class PodTemplateHash
{
    public const string Label = "pod-template-hash";
    private const string Alphabet = "bcdfghjklmnpqrstvwxz2456789";

    public static string Compute(JsonNode? template, long? collisionCount)
    {
        var hash = 2166136261u;
        var bytes = Canonical(Normalize(template));
        if (collisionCount is { } count)
        {
            bytes = [.. bytes, .. Encoding.UTF8.GetBytes(count.ToString(CultureInfo.InvariantCulture))];
        }

        foreach (var b in bytes)
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        var digits = hash.ToString(CultureInfo.InvariantCulture);
        var encoded = new StringBuilder(digits.Length);
        foreach (var c in digits)
        {
            encoded.Append(Alphabet[c % Alphabet.Length]);
        }

        return encoded.ToString();
    }

    /// <summary>True when a ReplicaSet's template is the Deployment's, ignoring the hash label the controller added.</summary>
    public static bool SameTemplate(JsonNode? replicaSetTemplate, JsonNode? deploymentTemplate)
    {
        var withoutHash = replicaSetTemplate?.DeepClone();
        (withoutHash?["metadata"]?["labels"] as JsonObject)?.Remove(Label);

        return JsonEquality.Equal(Normalize(withoutHash), Normalize(deploymentTemplate));
    }

    /// <summary>A copy without null values and without empty maps and lists (recursively); null when nothing is left.</summary>
    private static JsonNode? Normalize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (name, value) in obj)
                {
                    if (Normalize(value) is { } kept)
                    {
                        copy[name] = kept;
                    }
                }

                return copy.Count == 0 ? null : copy;
            case JsonArray array:
                if (array.Count == 0)
                {
                    return null;
                }

                var items = new JsonArray();
                foreach (var item in array)
                {
                    items.Add(Normalize(item) ?? new JsonObject());
                }

                return items;
            case null:
                return null;
            default:
                return node.DeepClone();
        }
    }

    /// <summary>A copy of the label map <paramref name="node"/> with <c>pod-template-hash: hash</c> added.</summary>
    public static JsonObject WithLabel(JsonNode? node, string hash)
    {
        var copy = node?.DeepClone() as JsonObject ?? [];
        copy[Label] = hash;
        return copy;
    }

    private static byte[] Canonical(JsonNode? node)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, node);
        }

        return buffer.ToArray();
    }

    private static void Write(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (name, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(name);
                    Write(writer, value);
                }

                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case null:
                writer.WriteNullValue();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }
}
