using System.Security.Cryptography;
using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Resources;
using OciOperator.Schemas.BuiltIn;

namespace OciOperator.Sandbox.Kube.Http;

/// <summary>
/// OpenAPI v3 (§2): the root index and one document per group version, whose PATCH operations carry the
/// operation-level GVK extension and a <c>fieldValidation</c> parameter (so kubectl leaves validation to the server)
/// and whose schemas come from CRD openAPIV3Schemas. Documents are rebuilt when the registry changes, and their
/// hash (SHA-512 of the bytes) changes with them.
/// </summary>
internal sealed partial class OpenApiDocuments(ResourceRegistry registry)
{
    private const string ObjectMetaRef = "#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";
    private const string PatchRef = "#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.Patch";

    private readonly Lock _gate = new();
    private long _revision = -1;
    private Dictionary<string, (byte[] Body, string Hash)> _documents = new(StringComparer.Ordinal);

    /// <summary>The document for <c>api/v1</c> or <c>apis/{g}/{v}</c>, with its hash; null when unknown.</summary>
    public (byte[] Body, string Hash)? Document(string key)
    {
        var docs = Current();
        return docs.TryGetValue(key, out var doc) ? doc : null;
    }

    public JsonObject Root()
    {
        var paths = new JsonObject();
        foreach (var (key, doc) in Current().OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            paths[key] = new JsonObject { ["serverRelativeURL"] = "/openapi/v3/" + key + "?hash=" + doc.Hash };
        }

        return new JsonObject { ["paths"] = paths };
    }

    private Dictionary<string, (byte[] Body, string Hash)> Current()
    {
        lock (_gate)
        {
            var revision = registry.Revision;
            if (revision != _revision)
            {
                var docs = new Dictionary<string, (byte[], string)>(StringComparer.Ordinal);
                foreach (var group in registry.All.GroupBy(d => (d.Group, d.Version)))
                {
                    var key = group.Key.Group.Length == 0 ? "api/" + group.Key.Version : "apis/" + group.Key.Group + "/" + group.Key.Version;
                    var body = ResponseWriter.Serialize(Build(group.ToList()));
                    docs[key] = (body, Convert.ToHexString(SHA512.HashData(body)));
                }

                _documents = docs;
                _revision = revision;
            }

            return _documents;
        }
    }

    private static JsonObject Build(IReadOnlyList<ResourceDescriptor> resources)
    {
        var paths = new JsonObject();
        var schemas = new JsonObject
        {
            ["io.k8s.apimachinery.pkg.apis.meta.v1.Patch"] = new JsonObject { ["type"] = "object", ["description"] = "Patch is provided to give a concrete name and type to the Kubernetes PATCH request body." },
            ["io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"] = ObjectMetaSchema(),
        };
        foreach (var d in resources)
        {
            var prefix = d.Group.Length == 0 ? "/api/" + d.Version : "/apis/" + d.Group + "/" + d.Version;
            var item = d.Namespaced ? $"{prefix}/namespaces/{{namespace}}/{d.Plural}/{{name}}" : $"{prefix}/{d.Plural}/{{name}}";
            var gvk = new JsonObject { ["group"] = d.Group, ["version"] = d.Version, ["kind"] = d.Kind };
            var schemaName = SchemaName(d);
            var parameters = new JsonArray(
                Parameter("name", "path"),
                Parameter("dryRun", "query"),
                Parameter("fieldManager", "query"),
                Parameter("fieldValidation", "query"),
                Parameter("force", "query", "boolean"));
            if (d.Namespaced)
            {
                parameters.Add(Parameter("namespace", "path"));
            }

            var content = new JsonObject();
            foreach (var type in new[] { "application/apply-patch+yaml", "application/json-patch+json", "application/merge-patch+json" })
            {
                content[type] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = PatchRef } };
            }

            var ok = new JsonObject
            {
                ["description"] = "OK",
                ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = "#/components/schemas/" + schemaName } } },
            };
            paths[item] = new JsonObject
            {
                ["get"] = new JsonObject
                {
                    ["operationId"] = "read" + d.Kind,
                    ["x-kubernetes-action"] = "get",
                    ["x-kubernetes-group-version-kind"] = gvk.DeepClone(),
                    ["responses"] = new JsonObject { ["200"] = ok.DeepClone() },
                },
                ["patch"] = new JsonObject
                {
                    ["operationId"] = "patch" + d.Kind,
                    ["x-kubernetes-action"] = "patch",
                    ["x-kubernetes-group-version-kind"] = gvk.DeepClone(),
                    ["parameters"] = parameters,
                    ["requestBody"] = new JsonObject { ["content"] = content, ["required"] = true },
                    ["responses"] = new JsonObject { ["200"] = ok },
                },
            };
            schemas[schemaName] = KindSchema(d, gvk);
        }

        return new JsonObject
        {
            ["openapi"] = "3.0.0",
            ["info"] = new JsonObject { ["title"] = "Kubernetes", ["version"] = "v1.32.0" },
            ["paths"] = paths,
            ["components"] = new JsonObject { ["schemas"] = schemas },
        };
    }

    private static JsonObject KindSchema(ResourceDescriptor d, JsonObject gvk)
    {
        var schema = d.OpenApiSchema?.DeepClone() as JsonObject
            ?? BuiltIns.BuiltInKindSchemas.OpenApi(d)
            ?? new JsonObject
            {
                ["type"] = "object",
                ["description"] = $"{d.Kind} ({d.ApiVersion}).",
                ["properties"] = new JsonObject
                {
                    ["spec"] = new JsonObject { ["type"] = "object", ["x-kubernetes-preserve-unknown-fields"] = true },
                    ["status"] = new JsonObject { ["type"] = "object", ["x-kubernetes-preserve-unknown-fields"] = true },
                },
            };
        var properties = schema["properties"] as JsonObject ?? [];
        schema["properties"] = properties;
        properties["apiVersion"] ??= new JsonObject { ["type"] = "string", ["description"] = "APIVersion defines the versioned schema of this representation of an object." };
        properties["kind"] ??= new JsonObject { ["type"] = "string", ["description"] = "Kind is a string value representing the REST resource this object represents." };
        properties["metadata"] = new JsonObject
        {
            ["allOf"] = new JsonArray(new JsonObject { ["$ref"] = ObjectMetaRef }),
            ["description"] = "Standard object's metadata.",
        };
        schema["x-kubernetes-group-version-kind"] = new JsonArray(gvk.DeepClone());
        return schema;
    }

    // Derived from KubernetesClient's model, like every built-in schema served here.
    private static JsonObject ObjectMetaSchema() => BuiltInSchemas.ObjectMeta();

    private static JsonObject Parameter(string name, string location, string type = "string") => new()
    {
        ["name"] = name,
        ["in"] = location,
        ["required"] = location == "path",
        ["schema"] = new JsonObject { ["type"] = type, ["uniqueItems"] = true },
    };

    private static string SchemaName(ResourceDescriptor d)
    {
        if (d.IsCustom)
        {
            return string.Join('.', d.Group.Split('.').Reverse()) + "." + d.Version + "." + d.Kind;
        }

        return d.Group switch
        {
            "" => "io.k8s.api.core." + d.Version + "." + d.Kind,
            BuiltInResources.ApiExtensionsGroup => "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions." + d.Version + "." + d.Kind,
            _ => "io.k8s.api." + d.Group.Split('.')[0] + "." + d.Version + "." + d.Kind,
        };
    }
}
