using System.Text.Json.Nodes;
using System.Text.Json;
using OciOperator.Cel.Checking;
using OciOperator.Cel.Values;
using OciOperator.ResourceGraph.Diagnostics;
using OciOperator.ResourceGraph.Expressions;
using OciOperator.ResourceGraph.Graph;
using OciOperator.ResourceGraph.Schemas;
using OciOperator.ResourceGraph.Validation;

namespace OciOperator.ResourceGraph.Building;

/// <summary>Stage 2: each resource's object structure, kind, schema and scope, reserved metadata, and its expressions.</summary>
internal sealed partial class GraphBuild
{
    private void ReadResource(ResourceDraft draft)
    {
        var resource = draft.Resource;
        var obj = resource.Template ?? ExternalRefObject(resource.ExternalRef);
        if (obj is null)
        {
            return;
        }

        draft.Object = obj;
        if (!CheckStructure(draft, obj, out var apiVersion, out var kind))
        {
            ReadConditions(draft);
            return;
        }

        var gvk = GroupVersionKind.Parse(apiVersion, kind);
        if (gvk is null)
        {
            _errors.Add(GraphErrorGroup.Extraction, draft.Id, "apiVersion",
                $"failed to extract GVK from resource {draft.Id}: invalid apiVersion format \"{apiVersion}\"");
        }
        else if (!NamingRules.IsDns1035Label(kind.ToLowerInvariant()))
        {
            _errors.Add(GraphErrorGroup.Extraction, draft.Id, "kind",
                $"failed to extract GVK from resource {draft.Id}: invalid kind \"{kind}\": (must be a valid DNS-1035 label when lowercased)");
            gvk = null;
        }

        draft.Gvk = gvk;
        var crdTemplate = gvk is { Group: "apiextensions.k8s.io", Kind: "CustomResourceDefinition" };
        if (gvk is { } known && !crdTemplate)
        {
            var lookup = resolver.Resolve(known);
            switch (lookup.Status)
            {
                case ResourceSchemaStatus.Found:
                    draft.Namespaced = lookup.Namespaced;
                    (draft.Schema, draft.ObjectType) = kindTypes.Get(lookup, known.Kind);
                    break;
                case ResourceSchemaStatus.WaitingForCrd:
                    _waiting.Add($"resource \"{draft.Id}\" ({known}): {lookup.Detail}");
                    break;
                default:
                    _errors.Add(GraphErrorGroup.Extraction, draft.Id, "apiVersion",
                        $"failed to get schema for resource {draft.Id}: schema not found: {lookup.Detail}");
                    break;
            }
        }
        else if (crdTemplate)
        {
            draft.Namespaced = false;
        }

        CheckScope(draft, obj);
        CheckReservedMetadata(draft, obj);
        ReadDeletionPolicy(draft, obj);
        CheckExternalFields(draft);
        var walker = new TemplateWalker(draft.Id, _errors, crdTemplate);
        walker.Walk(obj, crdTemplate ? null : draft.Schema ?? null);
        draft.Fields.AddRange(walker.Found);
        if (resource.ExternalRef?.Selector is { } selector)
        {
            var selectorWalker = new TemplateWalker(draft.Id, _errors, crdTemplate: false);
            selectorWalker.Walk(new JsonObject { ["metadata"] = new JsonObject { ["selector"] = selector.DeepClone() } }, null);
            draft.Fields.AddRange(selectorWalker.Found);
        }

        draft.VariableType = resource.IsCollection || draft.Kind == NodeKind.ExternalRefSelector
            ? CelType.List(draft.ObjectType)
            : draft.ObjectType;
        ReadConditions(draft);
    }

    private static JsonObject? ExternalRefObject(Api.RgdExternalRef? externalRef)
    {
        if (externalRef is null)
        {
            return null;
        }

        var metadata = new JsonObject();
        if (externalRef.Name is not null)
        {
            metadata["name"] = externalRef.Name;
        }

        if (externalRef.Namespace is not null)
        {
            metadata["namespace"] = externalRef.Namespace;
        }

        var obj = new JsonObject { ["apiVersion"] = externalRef.ApiVersion, ["kind"] = externalRef.Kind, ["metadata"] = metadata };
        return obj;
    }

    private bool CheckStructure(ResourceDraft draft, JsonObject obj, out string apiVersion, out string kind)
    {
        var prefix = $"resource {draft.Id} is not a valid Kubernetes object: ";
        apiVersion = kind = string.Empty;
        var ok = true;
        foreach (var field in (string[])["apiVersion", "kind"])
        {
            switch (obj[field])
            {
                case null:
                    _errors.Add(GraphErrorGroup.Naming, draft.Id, field, $"{prefix}{field} field not found");
                    ok = false;
                    break;
                case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                    if (field == "kind")
                    {
                        kind = v.GetValue<string>();
                    }
                    else
                    {
                        apiVersion = v.GetValue<string>();
                    }

                    break;
                default:
                    _errors.Add(GraphErrorGroup.Naming, draft.Id, field, $"{prefix}{field} field is not a string");
                    ok = false;
                    break;
            }
        }

        switch (obj["metadata"])
        {
            case null:
                _errors.Add(GraphErrorGroup.Naming, draft.Id, "metadata", $"{prefix}metadata field not found");
                return false;
            case JsonObject:
                return ok;
            default:
                _errors.Add(GraphErrorGroup.Naming, draft.Id, "metadata", $"{prefix}metadata field is not a map");
                return false;
        }
    }

    private void CheckScope(ResourceDraft draft, JsonObject obj)
    {
        var ns = obj["metadata"]?["namespace"];
        if (ns is not null and not JsonValue || (ns is JsonValue v && v.GetValueKind() != JsonValueKind.String))
        {
            _errors.Add(GraphErrorGroup.Naming, draft.Id, "metadata.namespace",
                $"resource \"{draft.Id}\" has invalid metadata.namespace: expected a string, got {ns!.GetValueKind().ToString().ToLowerInvariant()}");
            return;
        }

        var hasNamespace = ns is JsonValue s && s.GetValue<string>().Length > 0;
        if (!draft.Namespaced && hasNamespace)
        {
            _errors.Add(GraphErrorGroup.Naming, draft.Id, "metadata.namespace",
                $"resource \"{draft.Id}\" is cluster-scoped and must not set metadata.namespace");
        }
        else if (draft.Namespaced && draft.Schema is not null && !hasNamespace && _rgd.Schema?.Scope == "Cluster"
            && draft.Kind != NodeKind.ExternalRefSelector)
        {
            _errors.Add(GraphErrorGroup.Naming, draft.Id, "metadata.namespace",
                $"resource \"{draft.Id}\" is namespaced and must set metadata.namespace when the instance CRD is cluster-scoped");
        }
    }

    private void CheckReservedMetadata(ResourceDraft draft, JsonObject obj)
    {
        if (obj["metadata"]?["labels"] is JsonObject labels)
        {
            foreach (var (key, _) in labels)
            {
                if (ReservedMetadataKeys.IsReservedLabel(key))
                {
                    _errors.Add(GraphErrorGroup.Naming, draft.Id, $"metadata.labels.{key}",
                        $"invalid label for resource \"{draft.Id}\". labels with prefix \"{ReservedMetadataKeys.PrefixOf(key)}\" are reserved for internal use (\"{key}\" is written by the engine)");
                }
            }
        }

        if (obj["metadata"]?["annotations"] is JsonObject annotations)
        {
            foreach (var (key, _) in annotations)
            {
                if (ReservedMetadataKeys.IsReservedAnnotation(key))
                {
                    _errors.Add(GraphErrorGroup.Naming, draft.Id, $"metadata.annotations.{key}",
                        $"invalid annotation for resource \"{draft.Id}\". annotations with prefix \"{ReservedMetadataKeys.PrefixOf(key)}\" are reserved for internal use (\"{key}\" is written by the engine)");
                }
            }
        }
    }

    /// <summary>readyWhen, includeWhen and forEach: each entry must be one standalone expression.</summary>
    private void ReadConditions(ResourceDraft draft)
    {
        var resource = draft.Resource;
        ReadStandalone(draft, resource.ReadyWhen, ExpressionPlace.ReadyWhen, "readyWhen", draft.ReadyWhen);
        ReadStandalone(draft, resource.IncludeWhen, ExpressionPlace.IncludeWhen, "includeWhen", draft.IncludeWhen);
        for (var i = 0; i < resource.ForEach.Count; i++)
        {
            var dimension = resource.ForEach[i];
            var scanned = ExpressionScanner.Scan(dimension.Expression);
            var path = $"forEach[{i}].{dimension.Name}";
            if (scanned.Error is not null || !scanned.IsStandalone)
            {
                var reason = scanned.Error ?? (scanned.HasExpressions ? "only standalone expressions are allowed" : $"forEach dimension \"{dimension.Name}\" must have exactly one expression");
                _errors.Add(GraphErrorGroup.Extraction, draft.Id, path,
                    $"failed to parse forEach dimensions: invalid forEach expression for dimension \"{dimension.Name}\": {reason}");
                continue;
            }

            draft.ForEach.Add(new DraftExpression
            {
                Place = ExpressionPlace.ForEach,
                Display = scanned.Segments[0].Text,
                Cel = scanned.Segments[0].Text,
                Path = FieldPath.Root.Key("forEach").Index(i),
                Dimension = dimension.Name,
            });
        }
    }

    private void ReadStandalone(ResourceDraft draft, IReadOnlyList<string> entries, ExpressionPlace place, string name, List<DraftExpression> into)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            var scanned = ExpressionScanner.Scan(entries[i]);
            if (scanned.Error is not null || !scanned.IsStandalone)
            {
                _errors.Add(GraphErrorGroup.Extraction, draft.Id, $"{name}[{i}]",
                    $"failed to parse {name} expressions: {scanned.Error ?? "only standalone expressions are allowed"}");
                continue;
            }

            into.Add(new DraftExpression
            {
                Place = place,
                Display = scanned.Segments[0].Text,
                Cel = scanned.Segments[0].Text,
                Path = FieldPath.Root.Key(name).Index(i),
            });
        }
    }
}
