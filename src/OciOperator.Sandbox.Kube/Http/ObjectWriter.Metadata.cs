using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OciOperator.Sandbox.Kube.Errors;
using OciOperator.Sandbox.Kube.Resources;
using OciOperator.Sandbox.Kube.Schema;
using OciOperator.Sandbox.Kube.Semantics;
using OciOperator.Sandbox.Kube.Storage;

namespace OciOperator.Sandbox.Kube.Http;

/// <summary>Type meta, namespaces, generated names, generation bumps and no-op detection.</summary>
internal sealed partial class ObjectWriter
{
    private static void CheckTypeMeta(ResourceDescriptor d, JsonObject obj)
    {
        var apiVersion = obj["apiVersion"] is JsonValue av && av.TryGetValue<string>(out var a) ? a : null;
        var kind = obj["kind"] is JsonValue kv && kv.TryGetValue<string>(out var k) ? k : null;
        if (!string.IsNullOrEmpty(kind) && kind != d.Kind)
        {
            throw ApiErrors.BadRequest($"the kind in the data ({kind}) does not match the expected kind ({d.Kind})");
        }

        if (!string.IsNullOrEmpty(apiVersion) && apiVersion != d.ApiVersion && !(d.IsCustom && apiVersion.StartsWith(d.Group + "/", StringComparison.Ordinal)))
        {
            throw ApiErrors.BadRequest($"the API version in the data ({apiVersion}) does not match the expected API version ({d.ApiVersion})");
        }

        if (obj["metadata"] is { } m && m is not JsonObject)
        {
            throw ApiErrors.BadRequest($"{d.Kind} in version \"{d.Version}\" cannot be handled as a {d.Kind}: metadata must be an object");
        }

        obj["apiVersion"] = d.ApiVersion;
        obj["kind"] = d.Kind;
    }

    private string? ResolveNamespace(ResourceDescriptor d, JsonObject meta, string? urlNamespace, bool isCreate)
    {
        if (!d.Namespaced)
        {
            meta.Remove("namespace");
            return null;
        }

        if (urlNamespace is null)
        {
            throw ApiErrors.PathNotFound();
        }

        var bodyNamespace = meta["namespace"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";
        if (bodyNamespace.Length > 0 && bodyNamespace != urlNamespace)
        {
            throw ApiErrors.BadRequest(isCreate
                ? "the namespace of the provided object does not match the namespace sent on the request"
                : $"the namespace of the object ({bodyNamespace}) does not match the namespace on the request ({urlNamespace})");
        }

        meta["namespace"] = urlNamespace;
        return urlNamespace;
    }

    private void CheckNamespaceAcceptsContent(ResourceDescriptor d, string? ns, string name)
    {
        if (ns is null)
        {
            return;
        }

        var nsDescriptor = registry.Find("", "v1", "namespaces")!;
        var namespaceObject = store.Get(nsDescriptor.StorageKey, "", ns) ?? throw ApiErrors.NotFound(nsDescriptor, ns);
        if (ObjectMeta.IsDeleting(namespaceObject))
        {
            throw ApiErrors.Forbidden(d, name, $"unable to create new content in namespace {ns} because it is being terminated");
        }
    }

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
                    span[i] = GenerateNameAlphabet[faults.NextInt(GenerateNameAlphabet.Length)];
                }
            });
            var candidate = prefix + suffix;
            if (store.Get(d.StorageKey, ns ?? "", candidate) is null)
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
