using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Resources;
using OciOperator.Sandbox.Kube.Storage;

namespace OciOperator.Sandbox.Kube.Http;

/// <summary>Write-pipeline helpers: generated names, generation bumps and no-op detection.</summary>
internal sealed partial class KubeApiHandler
{
    private string GenerateName(ResourceDescriptor d, string? ns, string prefix)
    {
        if (prefix.Length > 58)
        {
            prefix = prefix[..58];
        }

        for (var attempt = 0; attempt < 100; attempt++)
        {
            var suffix = string.Create(5, 0, (span, _) =>
            {
                for (var i = 0; i < span.Length; i++)
                {
                    span[i] = GenerateNameAlphabet[_faults.NextInt(GenerateNameAlphabet.Length)];
                }
            });
            var candidate = prefix + suffix;
            if (_store.Get(d.StorageKey, ns ?? "", candidate) is null)
            {
                return candidate;
            }
        }

        throw ApiErrors.AlreadyExists(d, prefix);
    }

    private static void BumpGeneration(ResourceDescriptor d, JsonObject current, JsonObject next)
    {
        var generation = ObjectMeta.Int64(current["metadata"]?["generation"]);
        if (d.Generation == GenerationPolicy.None || generation == 0)
        {
            return;
        }

        var changed = d.Generation switch
        {
            GenerationPolicy.Spec => !JsonNode.DeepEquals(current["spec"], next["spec"]),
            GenerationPolicy.SpecOrAnnotations => !JsonNode.DeepEquals(current["spec"], next["spec"])
                || !JsonNode.DeepEquals(current["metadata"]?["annotations"], next["metadata"]?["annotations"]),
            _ => !JsonNode.DeepEquals(WithoutMetadata(current, d.HasStatus), WithoutMetadata(next, d.HasStatus)),
        };
        next["metadata"]!["generation"] = changed ? generation + 1 : generation;
    }

    private static JsonObject WithoutMetadata(JsonObject obj, bool dropStatus)
    {
        var copy = new JsonObject();
        foreach (var (key, value) in obj)
        {
            if (key is not ("metadata" or "apiVersion" or "kind") && !(dropStatus && key == "status"))
            {
                copy[key] = value?.DeepClone();
            }
        }

        return copy;
    }

    /// <summary>True when a write would change nothing but resourceVersion and managed-field timestamps.</summary>
    private static bool SameIgnoringVolatile(JsonObject a, JsonObject b)
    {
        static JsonObject Normalize(JsonObject o)
        {
            var copy = (JsonObject)o.DeepClone();
            if (copy["metadata"] is JsonObject meta)
            {
                meta.Remove("resourceVersion");
                if (meta["managedFields"] is JsonArray fields)
                {
                    foreach (var f in fields.OfType<JsonObject>())
                    {
                        f.Remove("time");
                    }
                }
            }

            return copy;
        }

        return JsonNode.DeepEquals(Normalize(a), Normalize(b));
    }
}
