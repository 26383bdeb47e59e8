using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OciOperator.Yaml;

/// <summary>
/// Writes JSON as block-style YAML, as <c>kubectl get -o yaml</c> does: plain scalars where YAML reads them back as
/// the same string, JSON-quoted strings otherwise (JSON string syntax is valid YAML), multi-line strings as literal
/// blocks.
/// </summary>
internal static partial class YamlWriter
{
    private static readonly HashSet<string> Ambiguous = new(StringComparer.OrdinalIgnoreCase)
    {
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~", "",
    };

    public static string Write(JsonNode? node)
    {
        var sb = new StringBuilder();
        WriteNode(sb, node, 0, inList: false);
        return sb.ToString();
    }

    private static void WriteNode(StringBuilder sb, JsonNode? node, int indent, bool inList)
    {
        switch (node)
        {
            case JsonObject map when map.Count > 0:
                var first = true;
                foreach (var (key, value) in map)
                {
                    if (!(first && inList))
                    {
                        sb.Append(' ', indent);
                    }

                    first = false;
                    sb.Append(Scalar(key)).Append(':');
                    WriteChild(sb, value, indent);
                }

                break;
            case JsonArray list when list.Count > 0:
                var firstItem = true;
                foreach (var item in list)
                {
                    if (!(firstItem && inList))
                    {
                        sb.Append(' ', indent);
                    }

                    firstItem = false;
                    sb.Append("- ");
                    if (item is JsonObject { Count: > 0 } or JsonArray { Count: > 0 })
                    {
                        WriteNode(sb, item, indent + 2, inList: true);
                    }
                    else
                    {
                        sb.Append(Inline(item)).Append('\n');
                    }
                }

                break;
            default:
                sb.Append(' ', inList ? 0 : indent).Append(Inline(node)).Append('\n');
                break;
        }
    }

    private static void WriteChild(StringBuilder sb, JsonNode? value, int indent)
    {
        switch (value)
        {
            case JsonObject { Count: > 0 }:
                sb.Append('\n');
                WriteNode(sb, value, indent + 2, inList: false);
                break;
            case JsonArray { Count: > 0 }:
                sb.Append('\n');
                WriteNode(sb, value, indent, inList: false);
                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() is var text && IsBlock(text):
                sb.Append(text.EndsWith('\n') ? " |\n" : " |-\n");
                foreach (var line in text.TrimEnd('\n').Split('\n'))
                {
                    if (line.Length > 0)
                    {
                        sb.Append(' ', indent + 2).Append(line);
                    }

                    sb.Append('\n');
                }

                break;
            default:
                sb.Append(' ').Append(Inline(value)).Append('\n');
                break;
        }
    }

    /// <summary>A literal block keeps multi-line text readable when it round-trips exactly.</summary>
    private static bool IsBlock(string text) =>
        text.Contains('\n') && !text.EndsWith("\n\n", StringComparison.Ordinal) && !text.StartsWith(' ')
        && text.All(c => c == '\n' || !char.IsControl(c)) && !text.Split('\n').Any(l => l.EndsWith(' '));

    private static string Inline(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "{}",
        JsonArray => "[]",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => Scalar(v.GetValue<string>()),
        _ => node.ToJsonString(),
    };

    private static string Scalar(string text) =>
        Plain().IsMatch(text) && !Ambiguous.Contains(text) && !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            && !text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && !text.StartsWith("0o", StringComparison.OrdinalIgnoreCase)
            ? text
            : JsonValue.Create(text).ToJsonString();

    [GeneratedRegex(@"^[A-Za-z0-9_./][A-Za-z0-9_./ ()+=@-]*(?<! )$")]
    private static partial Regex Plain();
}
