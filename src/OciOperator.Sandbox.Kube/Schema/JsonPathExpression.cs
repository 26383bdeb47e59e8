using System.Text.Json.Nodes;

namespace OciOperator.Sandbox.Kube.Schema;

/// <summary>
/// A Kubernetes (kubectl/apiserver dialect) JSONPath such as <c>.status.conditions[-1].type</c>,
/// <c>{.a[*].b}</c> or <c>.a[?(@.type=="Ready")].status</c>. Parsed once, evaluated per object; missing keys and
/// out-of-range indices yield no result rather than an error (as with <c>AllowMissingKeys(true)</c>).
/// </summary>
internal sealed partial class JsonPathExpression
{
    private const int MaxLength = 4096;

    private JsonPathExpression(string text, IReadOnlyList<JsonPathSegment> segments)
    {
        Text = text;
        Segments = segments;
    }

    public string Text { get; }

    public IReadOnlyList<JsonPathSegment> Segments { get; }

    public static bool TryParse(string text, out JsonPathExpression? expression, out string error)
    {
        ArgumentNullException.ThrowIfNull(text);
        expression = null;
        if (text.Length > MaxLength)
        {
            error = $"expression is longer than {MaxLength} characters";
            return false;
        }

        var body = text.Trim();
        if (body.StartsWith('{'))
        {
            if (!body.EndsWith('}'))
            {
                error = "unclosed action";
                return false;
            }

            body = body[1..^1].Trim();
        }
        else if (body.Contains('{', StringComparison.Ordinal) || body.Contains('}', StringComparison.Ordinal))
        {
            error = "unexpected brace outside of an action";
            return false;
        }

        var parser = new Parser(body);
        if (!parser.TryParsePath(out var segments, out error))
        {
            return false;
        }

        expression = new JsonPathExpression(text, segments);
        return true;
    }

    public static JsonPathExpression Parse(string text) =>
        TryParse(text, out var expression, out var error) ? expression! : throw new FormatException($"invalid JSONPath {text}: {error}");

    /// <summary>All results in document order (JSON nulls are treated as missing).</summary>
    public IReadOnlyList<JsonNode> Evaluate(JsonNode? root) => Evaluator.Run(Segments, root);

    public override string ToString() => Text;
}
