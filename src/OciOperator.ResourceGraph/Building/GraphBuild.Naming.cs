using System.Text.Json.Nodes;
using OciOperator.Cel.Checking;
using OciOperator.ResourceGraph.Diagnostics;
using OciOperator.ResourceGraph.Graph;
using OciOperator.ResourceGraph.Schemas;
using OciOperator.ResourceGraph.SimpleSchema;
using OciOperator.ResourceGraph.Validation;

namespace OciOperator.ResourceGraph.Building;

/// <summary>Stage 1: kind and id naming, duplicates, forEach iterators (kro <c>validation.go</c>); the instance spec schema.</summary>
internal sealed partial class GraphBuild
{
    private const string NamingPrefix = "naming convention violation: ";

    private void ValidateNaming()
    {
        if (_rgd.Schema is { } schema && !NamingRules.IsUpperCamelCase(schema.Kind))
        {
            _errors.Add(GraphErrorGroup.Naming, null, "spec.schema.kind",
                $"{NamingPrefix}kind '{schema.Kind}' is not a valid KRO kind name: must be UpperCamelCase");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var ids = _rgd.Resources.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var resource in _rgd.Resources)
        {
            var path = resource.Path + ".id";
            if (NamingRules.IsReserved(resource.Id))
            {
                _errors.Add(GraphErrorGroup.Naming, resource.Id, path, $"{NamingPrefix}id {resource.Id} is a reserved keyword in KRO");
            }
            else if (!NamingRules.IsLowerCamelCase(resource.Id))
            {
                _errors.Add(GraphErrorGroup.Naming, resource.Id, path,
                    $"{NamingPrefix}id {resource.Id} is not a valid KRO resource id: must be lower camelCase");
            }

            if (!seen.Add(resource.Id))
            {
                _errors.Add(GraphErrorGroup.Naming, resource.Id, path, $"{NamingPrefix}found duplicate resource IDs {resource.Id}");
            }

            ValidateIterators(resource, ids);
        }
    }

    private void ValidateIterators(Api.RgdResource resource, HashSet<string> ids)
    {
        if (resource.ForEach.Count > options.MaxForEachDimensions)
        {
            _errors.Add(GraphErrorGroup.Naming, resource.Id, resource.Path + ".forEach",
                $"resource \"{resource.Id}\": forEach cannot have more than {options.MaxForEachDimensions} dimensions, got {resource.ForEach.Count}");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < resource.ForEach.Count; i++)
        {
            var name = resource.ForEach[i].Name;
            var path = $"{resource.Path}.forEach[{i}]";
            if (!NamingRules.IsLowerCamelCase(name))
            {
                _errors.Add(GraphErrorGroup.Naming, resource.Id, path,
                    $"resource \"{resource.Id}\": forEach iterator name \"{name}\" is not valid: must be lowerCamelCase");
            }
            else if (NamingRules.IsReserved(name))
            {
                _errors.Add(GraphErrorGroup.Naming, resource.Id, path, $"resource \"{resource.Id}\": forEach iterator name \"{name}\" is a reserved keyword");
            }
            else if (ids.Contains(name))
            {
                _errors.Add(GraphErrorGroup.Naming, resource.Id, path, $"resource \"{resource.Id}\": forEach iterator name \"{name}\" conflicts with resource ID");
            }

            if (!names.Add(name))
            {
                _errors.Add(GraphErrorGroup.Naming, resource.Id, path, $"resource \"{resource.Id}\": duplicate forEach iterator name \"{name}\"");
            }
        }
    }

    /// <summary>The instance spec schema from SimpleSchema, and the type of the <c>schema</c> variable.</summary>
    private void BuildSpecSchema()
    {
        if (_rgd.Schema is not { } schema)
        {
            return;
        }

        try
        {
            _specSchema = SimpleSchemaConverter.ToOpenApi(schema.Spec, schema.Types);
        }
        catch (SimpleSchemaException e)
        {
            var where = e.Path is null ? "spec.schema" : "spec.schema." + e.Path;
            _errors.Add(GraphErrorGroup.SimpleSchema, null, where,
                $"failed to build resourcegraphdefinition \"{_rgd.Name}\": failed to build OpenAPI schema for instance: {e.Message}");
            return;
        }

        var instance = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["apiVersion"] = new JsonObject { ["type"] = "string" },
                ["kind"] = new JsonObject { ["type"] = "string" },
                ["metadata"] = ObjectMetaSchema.Create(withNamespace: schema.Scope != "Cluster"),
                ["spec"] = _specSchema.DeepClone(),
            },
        };
        _schemaType = OpenApiTypes.FromSchema(instance, "schema");
    }
}
