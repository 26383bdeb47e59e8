using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace OciOperator.Sandbox.Kube.Serialization;

/// <summary>
/// Converts a single YAML document into JSON nodes with the YAML 1.2 core-schema scalar rules sigs.k8s.io/yaml uses
/// (the API server reads YAML bodies with it; the command line reads YAML files with it).
/// </summary>
public static partial class YamlToJson
{
    private const int MaxDepth = 256;

    /// <summary>Parses exactly one document. Throws <see cref="FormatException"/> on syntax errors or several documents.</summary>
    public static JsonNode? Parse(string text)
    {
        RefuseControlCharacters(text);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
#pragma warning disable CA1031 // The parser meets untrusted input: whatever it throws on a malformed document is a format error.
        catch (Exception e) when (e is not (OutOfMemoryException or StackOverflowException))
#pragma warning restore CA1031
        {
            // YamlDotNet reports most syntax errors as YamlException, some malformed flow collections as
            // InvalidOperationException, and may throw others on odd input (tabs, anchors): all are the body's fault.
            throw new FormatException("error decoding YAML: " + FirstLine(e.Message));
        }

        if (stream.Documents.Count == 0)
        {
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            throw new FormatException("error decoding YAML: the body holds more than one document");
        }

        return new Expansion().Convert(stream.Documents[0].RootNode, 0);
    }

    /// <summary>
    /// One document's conversion, with the budget that stops alias bombs ("billion laughs"): aliases are expanded,
    /// and the expansion is refused as the API server's YAML decoder (go-yaml) refuses it, with "excessive aliasing",
    /// when aliases make up too much of what is decoded; on top of that, a document that uses aliases may not expand
    /// to more nodes or scalar text than any alias-free body within the request size limit could hold.
    /// </summary>
    private sealed class Expansion
    {
        private const int MaxExpandedNodes = 500_000;
        private const long MaxExpandedScalarChars = 4L * 1024 * 1024;
        private readonly HashSet<YamlNode> _anchorsSeen = new(ReferenceEqualityComparer.Instance);
        private long _decoded;
        private long _aliases;
        private long _scalarChars;

        public JsonNode? Convert(YamlNode node, int depth)
        {
            if (depth > MaxDepth)
            {
                throw new FormatException("error decoding YAML: nesting too deep");
            }

            _decoded++;
            if (!node.Anchor.IsEmpty && !_anchorsSeen.Add(node))
            {
                // The anchored node was met before: this occurrence is an alias to it.
                _aliases++;
                if (_aliases > 100 && _decoded > 1000 && (double)_aliases / _decoded > AllowedAliasRatio(_decoded))
                {
                    throw ExcessiveAliasing();
                }
            }

            if (_aliases > 0 && _decoded > MaxExpandedNodes)
            {
                throw ExcessiveAliasing();
            }

            return ConvertNode(node, depth);
        }

        /// <summary>go-yaml's allowance: 99% aliases up to 400,000 decoded nodes, falling to 10% at 4,000,000.</summary>
        private static double AllowedAliasRatio(long decoded) => decoded switch
        {
            <= 400_000 => 0.99,
            >= 4_000_000 => 0.10,
            _ => 0.99 - (0.89 * ((decoded - 400_000) / 3_600_000.0)),
        };

        private static FormatException ExcessiveAliasing() => new("error decoding YAML: yaml: document contains excessive aliasing");

        private JsonNode? ConvertNode(YamlNode node, int depth)
        {
            switch (node)
            {
                case YamlMappingNode map:
                    var obj = new JsonObject();
                    foreach (var (key, value) in map.Children)
                    {
                        var name = key is YamlScalarNode k ? k.Value ?? "" : throw new FormatException("error decoding YAML: mapping keys must be scalars");
                        if (obj.ContainsKey(name))
                        {
                            throw new FormatException($"error decoding YAML: duplicate key \"{name}\"");
                        }

                        obj[name] = Convert(value, depth + 1);
                    }

                    return obj;
                case YamlSequenceNode seq:
                    var array = new JsonArray();
                    foreach (var item in seq.Children)
                    {
                        array.Add(Convert(item, depth + 1));
                    }

                    return array;
                case YamlScalarNode scalar:
                    _scalarChars += scalar.Value?.Length ?? 0;
                    if (_aliases > 0 && _scalarChars > MaxExpandedScalarChars)
                    {
                        throw ExcessiveAliasing();
                    }

                    return Scalar(scalar);
                default:
                    throw new FormatException("error decoding YAML: unsupported node");
            }
        }
    }

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded)
        {
            return JsonValue.Create(text);
        }

        if (!scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific && scalar.Tag.Value is "tag:yaml.org,2002:str" or "!!str")
        {
            return JsonValue.Create(text);
        }

        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }

        if (IntRegex().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
        {
            return JsonValue.Create(l);
        }

        if (FloatRegex().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d))
        {
            return JsonValue.Create(d);
        }

        return JsonValue.Create(text);
    }

    /// <summary>
    /// go-yaml reads only printable characters (tab, line feed and carriage return aside); YamlDotNet would stop at a
    /// NUL and keep what came before it, so such bodies are refused before parsing, as the API server refuses them.
    /// </summary>
    private static void RefuseControlCharacters(string text)
    {
        foreach (var c in text)
        {
            if (c is < ' ' and not ('\t' or '\n' or '\r') || c is '\u007f' || (c is >= '\u0080' and <= '\u009f' and not '\u0085') || c is '\ufffe' or '\uffff')
            {
                throw new FormatException("error decoding YAML: yaml: control characters are not allowed");
            }
        }
    }

    private static string FirstLine(string message)
    {
        var i = message.IndexOf('\n', StringComparison.Ordinal);
        return i < 0 ? message : message[..i];
    }

    [GeneratedRegex("^[-+]?[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex IntRegex();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex FloatRegex();
}
