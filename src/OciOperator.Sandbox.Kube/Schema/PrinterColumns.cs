using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OciOperator.Sandbox.Kube.Schema;

/// <summary>
/// CRD printer columns for Table responses (<c>apiextensions tableconvertor.go</c>): the implicit Name column, the
/// default Age column when a version declares none, and cell rendering per column type.
/// </summary>
internal static class PrinterColumns
{
    public const string NameDescription =
        "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names";

    public const string CreationTimestampDescription =
        "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata";

    /// <summary>The Age column every CRD version without <c>additionalPrinterColumns</c> gets.</summary>
    public static readonly PrinterColumn DefaultAge = new("Age", "date", null, CreationTimestampDescription, 0, ".metadata.creationTimestamp");

    /// <summary>The columns of one CRD version object (<c>spec.versions[i]</c>); Age only when none are declared.</summary>
    public static IReadOnlyList<PrinterColumn> FromCrdVersion(JsonNode version)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (version["additionalPrinterColumns"] is not JsonArray { Count: > 0 } declared)
        {
            return [DefaultAge];
        }

        var columns = new List<PrinterColumn>();
        foreach (var item in declared.OfType<JsonObject>())
        {
            var jsonPath = Text(item, "jsonPath") ?? "";
            var description = Text(item, "description");
            columns.Add(new PrinterColumn(
                Text(item, "name") ?? "",
                Text(item, "type") ?? "string",
                Text(item, "format"),
                string.IsNullOrEmpty(description) ? "Custom resource definition column (in JSONPath format): " + jsonPath : description,
                item["priority"] is JsonValue p && JsonNumber.IsNumber(p) ? (int)JsonNumber.ToDouble(p) : 0,
                jsonPath));
        }

        return columns;
    }

    /// <summary>Table <c>columnDefinitions</c>: the implicit Name column followed by <paramref name="columns"/>.</summary>
    public static JsonArray ColumnDefinitions(IReadOnlyList<PrinterColumn> columns, bool leadingName = true)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var result = leadingName ? new JsonArray(Definition("Name", "string", "name", NameDescription, 0)) : [];
        foreach (var column in columns)
        {
            result.Add(Definition(column.Name, column.Type, column.Format ?? "", column.Description, column.Priority));
        }

        return result;
    }

    /// <summary>
    /// One cell per column (the caller puts the object's name first): the first JSONPath result, typed per column;
    /// missing or wrongly typed → <c>null</c>; <c>date</c> → the age relative to <paramref name="now"/>.
    /// </summary>
    public static JsonArray RenderCells(JsonNode obj, IReadOnlyList<PrinterColumn> columns, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var cells = new JsonArray();
        foreach (var column in columns)
        {
            var results = JsonPathExpression.TryParse(column.JsonPath, out var expression, out _) ? expression!.Evaluate(obj) : null;
            cells.Add(results is { Count: > 0 } ? Cell(column.Type, results[0], now) : null);
        }

        return cells;
    }

    private static JsonNode? Cell(string type, JsonNode value, DateTimeOffset now)
    {
        var kind = value.GetValueKind();
        switch (type)
        {
            case "string":
                return JsonValue.Create(PrintText(value));
            case "integer" when kind == JsonValueKind.Number:
                var v = (JsonValue)value;
                return JsonValue.Create(JsonNumber.TryGetInt64(v, out var l) ? l : (long)Math.Truncate(JsonNumber.ToDouble(v)));
            case "number" when kind == JsonValueKind.Number:
                return JsonValue.Create(JsonNumber.ToDouble((JsonValue)value));
            case "boolean" when kind is JsonValueKind.True or JsonValueKind.False:
                return JsonValue.Create(kind == JsonValueKind.True);
            case "date" when kind == JsonValueKind.String:
                var text = value.GetValue<string>();
                if (text.Length == 0)
                {
                    return JsonValue.Create("<unknown>");
                }

                return Rfc3339.TryParse(text, out var timestamp)
                    ? JsonValue.Create(HumanDuration.Format(now - timestamp))
                    : JsonValue.Create("<invalid>");
            default:
                return null;
        }
    }

    /// <summary>How the jsonpath printer shows a value: strings raw, others like Go's <c>fmt.Print</c>.</summary>
    internal static string PrintText(JsonNode? value)
    {
        var sb = new StringBuilder();
        AppendGo(sb, value, depth: 0);
        return sb.ToString();
    }

    private static void AppendGo(StringBuilder sb, JsonNode? value, int depth)
    {
        if (depth > StructuralSchema.MaxDepth)
        {
            return;
        }

        switch (value)
        {
            case null:
                sb.Append("<nil>");
                break;
            case JsonObject obj:
                sb.Append("map[");
                var first = true;
                foreach (var (key, child) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    sb.Append(first ? "" : " ").Append(key).Append(':');
                    AppendGo(sb, child, depth + 1);
                    first = false;
                }

                sb.Append(']');
                break;
            case JsonArray array:
                sb.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    sb.Append(i == 0 ? "" : " ");
                    AppendGo(sb, array[i], depth + 1);
                }

                sb.Append(']');
                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                sb.Append(v.GetValue<string>());
                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.Number:
                sb.Append(GoFormat.Number(v));
                break;
            default:
                sb.Append(value.ToJsonString());
                break;
        }
    }

    private static JsonObject Definition(string name, string type, string format, string description, int priority) => new()
    {
        ["name"] = name,
        ["type"] = type,
        ["format"] = format,
        ["description"] = description,
        ["priority"] = priority,
    };

    private static string? Text(JsonObject node, string key) =>
        node[key] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
