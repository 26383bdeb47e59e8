using System.Text.Json.Nodes;
using System.Text.Json;
using OciOperator.Cel.Values;
using OciOperator.Cel;
using OciOperator.ResourceGraph.Checking;
using OciOperator.ResourceGraph.Diagnostics;
using OciOperator.ResourceGraph.Expressions;
using OciOperator.ResourceGraph.Graph;

namespace OciOperator.ResourceGraph.Building;

/// <summary>
/// Stage 5: the instance status (kro.md §2.5, A.4 §F): every leaf of <c>schema.status</c> is an expression over
/// resources or <c>schema</c>, type-checked, its CEL type turned into the status schema; <c>conditions</c> holds
/// <c>runtime.newCondition(...)</c> expressions.
/// </summary>
internal sealed partial class GraphBuild
{
    private const int MaxStatusDepth = 32;

    private StatusDraft BuildStatus()
    {
        var properties = new JsonObject();
        var fields = new List<CompiledStatusField>();
        var conditions = new List<CompiledExpression>();
        if (_rgd.Schema?.Status is not { } status)
        {
            return new StatusDraft(properties, fields, conditions);
        }

        var literals = new List<string>();
        foreach (var (key, value) in status)
        {
            if (key == "conditions")
            {
                ReadCustomConditions(value, conditions);
                continue;
            }

            if (StatusNode(value, FieldPath.Root.Key(key), fields, literals, 1) is { } schema)
            {
                properties[key] = schema;
            }
        }

        if (literals.Count > 0)
        {
            _errors.Add(GraphErrorGroup.Status, null, "spec.schema.status",
                $"failed to build instance status schema: status fields without expressions are not supported: [{string.Join(" ", literals)}]");
        }

        return new StatusDraft(properties, fields, conditions);
    }

    private JsonObject? StatusNode(JsonNode? node, FieldPath path, List<CompiledStatusField> fields, List<string> literals, int depth)
    {
        if (depth > MaxStatusDepth)
        {
            _errors.Add(GraphErrorGroup.Status, null, "spec.schema.status." + path, $"status nesting deeper than {MaxStatusDepth} levels");
            return null;
        }

        switch (node)
        {
            case JsonObject map:
                var properties = new JsonObject();
                foreach (var (key, value) in map)
                {
                    if (StatusNode(value, path.Key(key), fields, literals, depth + 1) is { } child)
                    {
                        properties[key] = child;
                    }
                }

                return new JsonObject { ["type"] = "object", ["properties"] = properties };
            case JsonArray list:
                JsonObject? items = null;
                for (var i = 0; i < list.Count; i++)
                {
                    var item = StatusNode(list[i], path.Index(i), fields, literals, depth + 1);
                    items ??= item;
                }

                return new JsonObject { ["type"] = "array", ["items"] = items ?? new JsonObject { ["x-kubernetes-preserve-unknown-fields"] = true } };
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                return StatusExpression(value.GetValue<string>(), path, fields, literals);
            default:
                literals.Add(path.ToString());
                return null;
        }
    }

    private JsonObject? StatusExpression(string text, FieldPath path, List<CompiledStatusField> fields, List<string> literals)
    {
        var scanned = ExpressionScanner.Scan(text);
        if (scanned.Error is not null)
        {
            _errors.Add(GraphErrorGroup.Status, null, "spec.schema.status." + path, scanned.Error);
            return null;
        }

        if (!scanned.HasExpressions)
        {
            literals.Add(path.ToString());
            return null;
        }

        var expression = new DraftExpression
        {
            Place = ExpressionPlace.Status,
            Display = text,
            Cel = scanned.ToCel(),
            Path = path,
            Standalone = scanned.IsStandalone,
        };
        if (!Inspect(expression, null, out var inspection))
        {
            return null;
        }

        var unknown = inspection.Identifiers.Where(n => n != Schema && !_byId.ContainsKey(n)).ToList();
        if (unknown.Count > 0)
        {
            Report(GraphErrorGroup.Status, null, expression, $"references unknown identifiers: [{string.Join(" ", unknown)}]");
        }
        else if (inspection.Identifiers.Count == 0)
        {
            Report(GraphErrorGroup.Status, null, expression,
                $"failed to create instance node: instance status field must refer to a resource or schema: status.{path}");
        }

        expression.References.AddRange(inspection.Identifiers.Where(_byId.ContainsKey));
        CheckFunctions(expression, null, inspection);
        var type = Compile(expression, null, _environments.Get("base", BaseVariables(), CelLibraries.All));
        if (type is null || expression.Compiled is null)
        {
            return null;
        }

        fields.Add(new CompiledStatusField(path, expression.Standalone, expression.Compiled));
        return StatusSchemaInference.ToOpenApi(expression.Standalone ? type : CelType.String);
    }

    private void ReadCustomConditions(JsonNode? node, List<CompiledExpression> conditions)
    {
        if (node is not JsonArray list)
        {
            _errors.Add(GraphErrorGroup.Status, null, "spec.schema.status.conditions",
                $"status.conditions must be a list, got {Describe(node)}");
            return;
        }

        var env = _environments.Get("conditions", BaseVariables(), CelLibraries.All | CelLibraries.KroRuntime);
        var types = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < list.Count; i++)
        {
            var path = FieldPath.Root.Key("conditions").Index(i);
            if (list[i] is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
            {
                _errors.Add(GraphErrorGroup.Status, null, "spec.schema.status." + path, $"status.conditions[{i}] must be a CEL expression string, got {Describe(list[i])}");
                continue;
            }

            var scanned = ExpressionScanner.Scan(v.GetValue<string>());
            if (scanned.Error is not null || !scanned.IsStandalone)
            {
                _errors.Add(GraphErrorGroup.Status, null, "spec.schema.status." + path,
                    $"condition \"{v.GetValue<string>()}\": {scanned.Error ?? "only standalone expressions are allowed"}");
                continue;
            }

            var expression = new DraftExpression
            {
                Place = ExpressionPlace.Condition,
                Display = scanned.Segments[0].Text,
                Cel = scanned.Segments[0].Text,
                Path = path,
            };
            if (!Inspect(expression, null, out var inspection))
            {
                continue;
            }

            var unknown = inspection.Identifiers.Where(n => n != Schema && n != Runtime && !_byId.ContainsKey(n)).ToList();
            if (unknown.Count > 0)
            {
                Report(GraphErrorGroup.Status, null, expression, $"condition \"{expression.Display}\": references unknown identifiers: [{string.Join(" ", unknown)}]");
                continue;
            }

            expression.References.AddRange(inspection.Identifiers.Where(_byId.ContainsKey));
            CheckFunctions(expression, null, inspection);
            if (Compile(expression, null, env) is not { } type)
            {
                continue;
            }

            var element = type.Kind == CelTypeKind.List ? type.Elem : type;
            if (element.Name != "kro.run.Condition" && !element.IsDynOrError)
            {
                Report(GraphErrorGroup.Status, null, expression,
                    $"condition expressions must return runtime.newCondition(...) or a list of them, got \"{type}\"");
                continue;
            }

            CheckConditionLiteral(expression, types, i);
            conditions.Add(expression.Compiled!);
        }
    }

    private static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "map",
        JsonArray => "list",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.Number => "number",
            _ => "bool",
        },
        _ => "unknown",
    };
}
