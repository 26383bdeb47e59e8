using System.Text.Json.Nodes;
using OciOperator.ResourceGraph.Crd;
using OciOperator.ResourceGraph.Diagnostics;
using OciOperator.ResourceGraph.SimpleSchema;

namespace OciOperator.ResourceGraph.Api;

/// <summary>
/// Reads an RGD from a JSON tree and applies the rules the RGD CRD enforces at admission (kro.md A.4 §A), so an RGD
/// that never went through an API server (<c>rgd validate</c>) gets the same answers. Every problem is collected.
/// </summary>
internal static class RgdReader
{
    private static readonly HashSet<string> ResourceFields =
        ["id", "template", "externalRef", "readyWhen", "includeWhen", "forEach", "deletionPolicy", "externalFields"];

    public static ResourceGraphDefinition? Read(JsonNode? document, GraphErrorList errors)
    {
        if (document is not JsonObject rgd)
        {
            errors.Add(GraphErrorGroup.Admission, null, string.Empty, "a ResourceGraphDefinition must be an object");
            return null;
        }

        var apiVersion = StringAt(rgd, "apiVersion");
        var kind = StringAt(rgd, "kind");
        if (apiVersion != ResourceGraphDefinition.ApiVersion || kind != ResourceGraphDefinition.Kind)
        {
            errors.Add(GraphErrorGroup.Admission, null, string.Empty,
                $"expected apiVersion {ResourceGraphDefinition.ApiVersion} and kind {ResourceGraphDefinition.Kind}, got {apiVersion ?? "(none)"} {kind ?? "(none)"}");
            return null;
        }

        var metadata = rgd["metadata"] as JsonObject;
        var name = metadata is null ? null : StringAt(metadata, "name");
        if (string.IsNullOrEmpty(name))
        {
            errors.Add(GraphErrorGroup.Admission, null, "metadata.name", "Required value: name or generateName is required");
        }

        if (rgd["spec"] is not JsonObject spec)
        {
            errors.Add(GraphErrorGroup.Admission, null, "spec", "Required value");
            return null;
        }

        RgdSchema? schema = null;
        if (spec["schema"] is null)
        {
            errors.Add(GraphErrorGroup.Admission, null, "spec.schema", "Required value");
        }
        else
        {
            try
            {
                schema = RgdSchemaReader.Read(spec["schema"]);
            }
            catch (SimpleSchemaException e)
            {
                errors.Add(GraphErrorGroup.Admission, null, "spec." + (e.Path ?? "schema"), e.Reason);
            }
        }

        var resources = new List<RgdResource>();
        switch (spec["resources"])
        {
            case null:
                break;
            case JsonArray list:
                for (var i = 0; i < list.Count; i++)
                {
                    if (ReadResource(list[i], i, errors) is { } resource)
                    {
                        resources.Add(resource);
                    }
                }

                break;
            default:
                errors.Add(GraphErrorGroup.Admission, null, "spec.resources", "Invalid value: must be a list");
                break;
        }

        return new ResourceGraphDefinition
        {
            Name = name ?? string.Empty,
            Uid = metadata is null ? string.Empty : StringAt(metadata, "uid") ?? string.Empty,
            Generation = metadata?["generation"] is JsonValue g && g.TryGetValue<long>(out var generation) ? generation : 0,
            Annotations = StringMap(metadata?["annotations"]),
            Schema = schema,
            Resources = resources,
        };
    }

    private static RgdResource? ReadResource(JsonNode? node, int index, GraphErrorList errors)
    {
        var path = $"spec.resources[{index}]";
        if (node is not JsonObject entry)
        {
            errors.Add(GraphErrorGroup.Admission, null, path, "Invalid value: a resource must be an object");
            return null;
        }

        var id = StringAt(entry, "id");
        var owner = string.IsNullOrEmpty(id) ? null : id;
        if (owner is null)
        {
            errors.Add(GraphErrorGroup.Admission, null, path + ".id", "Required value");
        }

        foreach (var (key, _) in entry)
        {
            if (!ResourceFields.Contains(key))
            {
                errors.Add(GraphErrorGroup.Admission, owner, $"{path}.{key}", $"unknown field \"{key}\"");
            }
        }

        var template = entry["template"];
        var externalRefNode = entry["externalRef"];
        if ((template is null) == (externalRefNode is null))
        {
            errors.Add(GraphErrorGroup.Admission, owner, path, "exactly one of template or externalRef must be provided");
        }

        if (template is not null and not JsonObject)
        {
            errors.Add(GraphErrorGroup.Admission, owner, path + ".template", $"Invalid value: \"{Describe(template)}\": template must be an object");
        }

        var externalRef = externalRefNode is null ? null : ReadExternalRef(externalRefNode, owner, path + ".externalRef", errors);
        var readyWhen = Strings(entry["readyWhen"], owner, path + ".readyWhen", errors);
        var includeWhen = Strings(entry["includeWhen"], owner, path + ".includeWhen", errors);
        var forEach = ForEach(entry["forEach"], owner, path + ".forEach", errors);
        var deletionPolicy = DeletionPolicy(entry["deletionPolicy"], owner, path + ".deletionPolicy", errors);
        var externalFields = Strings(entry["externalFields"], owner, path + ".externalFields", errors);
        if (externalRefNode is not null && template is null)
        {
            if (entry["deletionPolicy"] is not null)
            {
                errors.Add(GraphErrorGroup.Admission, owner, path, "deletionPolicy is only valid on resources with a template");
            }

            if (entry["externalFields"] is not null)
            {
                errors.Add(GraphErrorGroup.Admission, owner, path, "externalFields is only valid on resources with a template");
            }
        }

        return owner is null
            ? null
            : new RgdResource
            {
                Id = owner,
                Index = index,
                Template = template as JsonObject,
                ExternalRef = externalRef,
                ReadyWhen = readyWhen,
                IncludeWhen = includeWhen,
                ForEach = forEach,
                DeletionPolicy = deletionPolicy,
                ExternalFields = externalFields,
            };
    }

    private static RgdDeletionPolicy DeletionPolicy(JsonNode? node, string? owner, string path, GraphErrorList errors)
    {
        switch (node)
        {
            case null:
                return RgdDeletionPolicy.Unset;
            case JsonValue v when v.TryGetValue<string>(out var text) && text == nameof(RgdDeletionPolicy.Delete):
                return RgdDeletionPolicy.Delete;
            case JsonValue v when v.TryGetValue<string>(out var text) && text == nameof(RgdDeletionPolicy.Orphaned):
                return RgdDeletionPolicy.Orphaned;
            default:
                errors.Add(GraphErrorGroup.Admission, owner, path,
                    $"Unsupported value: {node.ToJsonString()}: supported values: \"{nameof(RgdDeletionPolicy.Delete)}\", \"{nameof(RgdDeletionPolicy.Orphaned)}\"");
                return RgdDeletionPolicy.Unset;
        }
    }

    private static RgdExternalRef? ReadExternalRef(JsonNode node, string? owner, string path, GraphErrorList errors)
    {
        if (node is not JsonObject map)
        {
            errors.Add(GraphErrorGroup.Admission, owner, path, "Invalid value: externalRef must be an object");
            return null;
        }

        var apiVersion = StringAt(map, "apiVersion");
        var kind = StringAt(map, "kind");
        if (string.IsNullOrEmpty(apiVersion))
        {
            errors.Add(GraphErrorGroup.Admission, owner, path + ".apiVersion", "Required value");
        }

        if (string.IsNullOrEmpty(kind))
        {
            errors.Add(GraphErrorGroup.Admission, owner, path + ".kind", "Required value");
        }

        if (map["metadata"] is not JsonObject metadata)
        {
            errors.Add(GraphErrorGroup.Admission, owner, path + ".metadata", "Required value");
            return null;
        }

        var name = StringAt(metadata, "name");
        var selector = metadata["selector"] as JsonObject;
        if ((metadata["name"] is null) == (metadata["selector"] is null))
        {
            errors.Add(GraphErrorGroup.Admission, owner, path + ".metadata", "exactly one of name or selector must be provided");
        }
        else if (metadata["name"] is not null && string.IsNullOrEmpty(name))
        {
            errors.Add(GraphErrorGroup.Admission, owner, path + ".metadata.name",
                "Invalid value: \"\": spec.resources[].externalRef.metadata.name in body should be at least 1 chars long");
        }

        return string.IsNullOrEmpty(apiVersion) || string.IsNullOrEmpty(kind)
            ? null
            : new RgdExternalRef
            {
                ApiVersion = apiVersion,
                Kind = kind,
                Name = name,
                Namespace = StringAt(metadata, "namespace"),
                Selector = selector,
            };
    }

    private static List<string> Strings(JsonNode? node, string? owner, string path, GraphErrorList errors)
    {
        var result = new List<string>();
        if (node is null)
        {
            return result;
        }

        if (node is not JsonArray list)
        {
            errors.Add(GraphErrorGroup.Admission, owner, path, "Invalid value: must be a list of strings");
            return result;
        }

        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is JsonValue v && v.TryGetValue<string>(out var text))
            {
                result.Add(text);
            }
            else
            {
                errors.Add(GraphErrorGroup.Admission, owner, $"{path}[{i}]", $"Invalid value: \"{Describe(list[i])}\": must be a string");
            }
        }

        return result;
    }

    private static List<RgdForEachDimension> ForEach(JsonNode? node, string? owner, string path, GraphErrorList errors)
    {
        var result = new List<RgdForEachDimension>();
        if (node is null)
        {
            return result;
        }

        if (node is not JsonArray list)
        {
            errors.Add(GraphErrorGroup.Admission, owner, path, "Invalid value: forEach must be a list of {iterator: expression} maps");
            return result;
        }

        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is not JsonObject dimension || dimension.Count != 1)
            {
                var count = (list[i] as JsonObject)?.Count ?? 0;
                errors.Add(GraphErrorGroup.Admission, owner, $"{path}[{i}]",
                    count > 1
                        ? "Too many: must have at most 1 items (a forEach entry holds exactly one iterator)"
                        : "Required value: must have at least 1 items (a forEach entry holds exactly one iterator)");
                continue;
            }

            var (name, value) = dimension.First();
            if (value is JsonValue v && v.TryGetValue<string>(out var expression))
            {
                result.Add(new RgdForEachDimension(name, expression));
            }
            else
            {
                errors.Add(GraphErrorGroup.Admission, owner, $"{path}[{i}].{name}", $"Invalid value: \"{Describe(value)}\": must be a string");
            }
        }

        return result;
    }

    private static string? StringAt(JsonObject map, string key) =>
        map[key] is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;

    private static Dictionary<string, string> StringMap(JsonNode? node)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is JsonObject map)
        {
            foreach (var (key, value) in map)
            {
                if (value is JsonValue v && v.TryGetValue<string>(out var text))
                {
                    result[key] = text;
                }
            }
        }

        return result;
    }

    private static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        _ => node.ToJsonString(),
    };
}
