using System.Text.Json;
using System.Text.Json.Nodes;

namespace OciOperator.Sandbox.Kube.Patching;

/// <summary>
/// JSON patch (RFC 6902): add, remove, replace, move, copy, test, with the <c>-</c> array index and <c>~0</c>/<c>~1</c>
/// escapes. The operations apply atomically to a copy: on any failure nothing is returned and the target is untouched.
/// A document that is not an array of operation objects is a 400; an operation that does not apply is a 422 (as the
/// apiserver answers).
/// </summary>
internal static class JsonPatch
{
    private static readonly JsonDocumentOptions StrictJson = new() { AllowDuplicateProperties = false, MaxDepth = 64 };

    /// <summary>
    /// Parses a JSON patch body. Malformed JSON and duplicate members (RFC 6902 A.13: <c>"op"</c> given twice) are a 400.
    /// </summary>
    public static JsonNode Parse(string body)
    {
        try
        {
            return JsonNode.Parse(body, documentOptions: StrictJson)
                ?? throw PatchException.BadRequest("invalid JSON patch: the body is null");
        }
        catch (JsonException ex)
        {
            throw PatchException.BadRequest("invalid JSON patch: " + ex.Message);
        }
    }

    /// <summary>Applies <paramref name="operations"/> (a JSON array) to a copy of <paramref name="target"/>.</summary>
    public static JsonNode Apply(JsonNode target, JsonNode operations)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (operations is not JsonArray list)
        {
            throw PatchException.BadRequest("json: cannot unmarshal object into Go value of type jsonpatch.Patch: a JSON patch must be an array of operations");
        }

        JsonNode? document = target.DeepClone();
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is not JsonObject operation)
            {
                throw PatchException.BadRequest($"invalid JSON patch: operation {i} is not an object");
            }

            document = ApplyOperation(document, operation);
        }

        return document ?? throw PatchException.Unprocessable("the patch leaves no document (null)");
    }

    private static JsonNode? ApplyOperation(JsonNode? document, JsonObject operation)
    {
        var op = RequiredString(operation, "op", "unknown");
        var path = JsonPointer.Parse(RequiredString(operation, "path", op));
        switch (op)
        {
            case "add":
                return Add(document, path, RequiredValue(operation, op).DeepCloneOrNull(), op);
            case "remove":
                return Remove(document, path, op, out _);
            case "replace":
                Resolve(document, path, op);
                return Add(Remove(document, path, op, out _), path, RequiredValue(operation, op).DeepCloneOrNull(), op, replacing: true);
            case "move":
            {
                var from = JsonPointer.Parse(RequiredString(operation, "from", op));
                if (path.IsProperDescendantOf(from))
                {
                    throw PatchException.Unprocessable($"move operation does not apply: \"{path.Text}\" is a child of \"{from.Text}\"");
                }

                var rest = Remove(document, from, op, out var moved);
                return Add(rest, path, moved, op);
            }

            case "copy":
            {
                var from = JsonPointer.Parse(RequiredString(operation, "from", op));
                var value = Resolve(document, from, op);
                return Add(document, path, value.DeepCloneOrNull(), op);
            }

            case "test":
            {
                var expected = RequiredValue(operation, op);
                var actual = Resolve(document, path, op);
                if (!JsonEquality.Equal(actual.Node, expected.Node))
                {
                    throw PatchException.Unprocessable($"testing value {path.Text} failed: test operation does not apply");
                }

                return document;
            }

            default:
                throw PatchException.Unprocessable($"Unexpected kind: {op}");
        }
    }

    private static JsonNode? Add(JsonNode? document, JsonPointer path, JsonNode? value, string op, bool replacing = false)
    {
        if (path.IsRoot)
        {
            return value;
        }

        var parent = Resolve(document, path, op, parentOnly: true).Node;
        var token = path.Tokens[^1];
        switch (parent)
        {
            case JsonObject obj:
                obj[token] = value;
                return document;
            case JsonArray array:
                var index = token == "-" && !replacing ? array.Count : JsonPointer.ParseIndex(token);
                if (index < 0 || index > array.Count)
                {
                    throw PatchException.Unprocessable($"{op} operation does not apply: index {token} is out of bounds for {path.Text}");
                }

                array.Insert(index, value);
                return document;
            default:
                throw PatchException.Unprocessable($"{op} operation does not apply: doc is missing path: \"{path.Text}\"");
        }
    }

    private static JsonNode? Remove(JsonNode? document, JsonPointer path, string op, out JsonNode? removed)
    {
        if (path.IsRoot)
        {
            removed = document;
            return null;
        }

        var parent = Resolve(document, path, op, parentOnly: true).Node;
        var token = path.Tokens[^1];
        switch (parent)
        {
            case JsonObject obj when obj.TryGetPropertyValue(token, out removed):
                obj.Remove(token);
                return document;
            case JsonArray array:
                var index = JsonPointer.ParseIndex(token);
                if (index < 0 || index >= array.Count)
                {
                    break;
                }

                removed = array[index];
                array.RemoveAt(index);
                return document;
        }

        throw PatchException.Unprocessable($"{op} operation does not apply: doc is missing path: \"{path.Text}\"");
    }

    private static NodeRef Resolve(JsonNode? document, JsonPointer path, string op, bool parentOnly = false)
    {
        var count = parentOnly ? path.Tokens.Length - 1 : path.Tokens.Length;
        var current = document;
        for (var i = 0; i < count; i++)
        {
            var token = path.Tokens[i];
            switch (current)
            {
                case JsonObject obj when obj.TryGetPropertyValue(token, out var child):
                    current = child;
                    continue;
                case JsonArray array:
                    var index = JsonPointer.ParseIndex(token);
                    if (index >= 0 && index < array.Count)
                    {
                        current = array[index];
                        continue;
                    }

                    break;
            }

            throw PatchException.Unprocessable($"{op} operation does not apply: doc is missing path: \"{path.Text}\"");
        }

        return new NodeRef(current);
    }

    private static string RequiredString(JsonObject operation, string name, string op)
    {
        if (operation[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            return value.GetValue<string>();
        }

        throw PatchException.Unprocessable($"{op} operation does not apply: missing or invalid \"{name}\" member");
    }

    private static NodeRef RequiredValue(JsonObject operation, string op) =>
        operation.TryGetPropertyValue("value", out var value)
            ? new NodeRef(value)
            : throw PatchException.Unprocessable($"{op} operation does not apply: missing \"value\" member");

    /// <summary>A possibly-null node that was found (distinguishes "found null" from "missing").</summary>
    private readonly record struct NodeRef(JsonNode? Node)
    {
        public JsonNode? DeepCloneOrNull() => Node?.DeepClone();
    }
}
