using System.Text.Json.Nodes;
using System.Text.Json;
using OciOperator.ResourceGraph.Diagnostics;
using OciOperator.ResourceGraph.Expressions;
using OciOperator.ResourceGraph.Graph;
using OciOperator.ResourceGraph.Schemas;

namespace OciOperator.ResourceGraph.Building;

/// <summary>
/// Walks a template together with its kind's schema (kro's schema-aware parser, <c>pkg/graph/parser</c>): finds every
/// <c>${...}</c> with the schema of the field it writes, and checks literal values and field names against the schema.
/// Under <c>x-kubernetes-preserve-unknown-fields</c> anything goes. In a CustomResourceDefinition template expressions
/// are allowed only under <c>metadata</c>.
/// </summary>
internal sealed class TemplateWalker(string resourceId, GraphErrorList errors, bool crdTemplate)
{
    private const int MaxDepth = 128;
    private const string Prefix = "failed to extract CEL expressions from schema for resource ";

    public List<DraftExpression> Found { get; } = [];

    public void Walk(JsonObject template, JsonObject? schema)
    {
        foreach (var (key, child) in template)
        {
            var (childSchema, found) = FieldSchema.Property(schema, key);
            var path = FieldPath.Root.Key(key);
            if (!found)
            {
                UnknownField(path, key);
                continue;
            }

            Visit(child, childSchema, path, 1);
        }
    }

    private void Visit(JsonNode? node, JsonObject? schema, FieldPath path, int depth)
    {
        if (depth > MaxDepth)
        {
            errors.Add(GraphErrorGroup.Extraction, resourceId, path.ToString(), $"template nesting deeper than {MaxDepth} levels");
            return;
        }

        var schemaless = FieldSchema.IsSchemaless(schema);
        switch (node)
        {
            case null:
                return;
            case JsonObject map:
                if (!schemaless && !Accepts(schema!, "object"))
                {
                    Mismatch(path, schema!, "object");
                    return;
                }

                foreach (var (key, child) in map)
                {
                    var (childSchema, found) = FieldSchema.Property(schema, key);
                    if (!found)
                    {
                        UnknownField(path.Key(key), key);
                        continue;
                    }

                    Visit(child, childSchema, path.Key(key), depth + 1);
                }

                return;
            case JsonArray list:
                if (!schemaless && !Accepts(schema!, "array"))
                {
                    Mismatch(path, schema!, "array");
                    return;
                }

                var items = FieldSchema.Items(schema);
                for (var i = 0; i < list.Count; i++)
                {
                    Visit(list[i], items, path.Index(i), depth + 1);
                }

                return;
            case JsonValue value:
                VisitScalar(value, schema, schemaless, path);
                return;
        }
    }

    private void VisitScalar(JsonValue value, JsonObject? schema, bool schemaless, FieldPath path)
    {
        var kind = value.GetValueKind();
        if (kind != JsonValueKind.String)
        {
            var literal = kind switch
            {
                JsonValueKind.True or JsonValueKind.False => "boolean",
                JsonValueKind.Number => IsIntegral(value) ? "integer" : "number",
                _ => null,
            };
            if (literal is not null && !schemaless && !Accepts(schema!, literal))
            {
                Mismatch(path, schema!, literal);
            }

            return;
        }

        var text = value.GetValue<string>();
        var scanned = ExpressionScanner.Scan(text);
        if (scanned.Error is not null)
        {
            errors.Add(GraphErrorGroup.Extraction, resourceId, path.ToString(), scanned.Error);
            return;
        }

        if (!scanned.HasExpressions)
        {
            if (!schemaless && !Accepts(schema!, "string"))
            {
                Mismatch(path, schema!, "string");
            }

            return;
        }

        if (crdTemplate && (path.Segments.Length == 0 || path.Segments[0].Key != "metadata"))
        {
            errors.Add(GraphErrorGroup.Extraction, resourceId, path.ToString(),
                $"CEL expressions in CRDs are only supported for metadata fields, found in path \"{path}\", resource {resourceId}");
            return;
        }

        if (!scanned.IsStandalone && !schemaless && !Accepts(schema!, "string"))
        {
            Mismatch(path, schema!, "string");
            return;
        }

        Found.Add(new DraftExpression
        {
            Place = ExpressionPlace.Template,
            Display = text,
            Cel = scanned.ToCel(),
            Path = path,
            Standalone = scanned.IsStandalone,
            Expected = schemaless ? null : schema,
            Schemaless = schemaless,
        });
    }

    /// <summary>Whether a schema accepts a literal of the JSON type given (int-or-string takes both; number takes integers).</summary>
    private static bool Accepts(JsonObject schema, string literal)
    {
        if (FieldSchema.IsIntOrString(schema))
        {
            return literal is "string" or "integer";
        }

        var type = FieldSchema.TypeOf(schema);
        return type is null
            ? literal == "object" || schema["properties"] is null
            : type == literal || (type == "number" && literal == "integer");
    }

    private static bool IsIntegral(JsonValue value) =>
        value.TryGetValue<long>(out _) || (value.TryGetValue<double>(out var d) && Math.Floor(d) == d && !double.IsInfinity(d));

    private void Mismatch(FieldPath path, JsonObject schema, string got)
    {
        var expected = FieldSchema.IsIntOrString(schema) ? "int-or-string" : FieldSchema.TypeOf(schema) ?? "object";
        errors.Add(GraphErrorGroup.Extraction, resourceId, path.ToString(),
            $"{Prefix}{resourceId}: expected {expected} type for path {path}, got {got}");
    }

    private void UnknownField(FieldPath path, string key) =>
        errors.Add(GraphErrorGroup.Extraction, resourceId, path.ToString(),
            $"{Prefix}{resourceId}: error getting field schema for path {path}: schema not found for field {key}");
}
