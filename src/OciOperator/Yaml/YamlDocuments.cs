using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OciOperator.Sandbox.Kube.Serialization;

namespace OciOperator.Yaml;

/// <summary>Reads the YAML (or JSON) documents of a file; <c>---</c> lines separate documents.</summary>
internal static partial class YamlDocuments
{
    /// <summary>The non-empty documents of <paramref name="text"/>, each parsed to JSON; a malformed one throws <see cref="FormatException"/>.</summary>
    public static List<JsonNode> Parse(string text)
    {
        var documents = new List<JsonNode>();
        foreach (var part in Separator().Split(text))
        {
            if (part.Split('\n').All(line => line.Trim().Length == 0 || line.TrimStart().StartsWith('#')))
            {
                continue;
            }

            if (YamlToJson.Parse(part) is { } node)
            {
                documents.Add(node);
            }
        }

        return documents;
    }

    [GeneratedRegex(@"^---[ \t]*(#.*)?\r?$", RegexOptions.Multiline)]
    private static partial Regex Separator();
}
