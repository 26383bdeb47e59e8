using System.Collections.Immutable;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OciOperator.Sandbox.Kube.Patching;

/// <summary>
/// A path to a field, list item or set value in FieldsV1 notation: elements <c>f:name</c>, <c>k:{"name":"x"}</c>,
/// <c>v:"value"</c>, <c>i:3</c>. <see cref="ToString"/> gives the apiserver's conflict notation
/// (<c>.spec.containers[name="x"].image</c>).
/// </summary>
internal sealed class FieldPath : IEquatable<FieldPath>
{
    private static readonly JsonSerializerOptions CompactJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly int hash;

    private FieldPath(ImmutableArray<string> elements)
    {
        Elements = elements;
        var hashCode = default(HashCode);
        foreach (var element in elements)
        {
            hashCode.Add(element, StringComparer.Ordinal);
        }

        hash = hashCode.ToHashCode();
    }

    public static FieldPath Root { get; } = new([]);

    public ImmutableArray<string> Elements { get; }

    public int Length => Elements.Length;

    public FieldPath Field(string name) => new(Elements.Add("f:" + name));

    public FieldPath Key(JsonObject keys) => new(Elements.Add("k:" + Json(keys)));

    public FieldPath Value(JsonNode? value) => new(Elements.Add("v:" + Json(value)));

    public FieldPath Append(string element) => new(Elements.Add(element));

    /// <summary>Compact JSON as the apiserver writes it inside <c>k:</c> and <c>v:</c> elements.</summary>
    public static string Json(JsonNode? node) => node?.ToJsonString(CompactJson) ?? "null";

    /// <summary>Rewrites a <c>k:</c>/<c>v:</c> element read from stored managedFields into this class's canonical form.</summary>
    public static string Canonical(string element)
    {
        if (element.Length < 2 || (element[0] != 'k' && element[0] != 'v') || element[1] != ':')
        {
            return element;
        }

        try
        {
            return element[..2] + Json(JsonNode.Parse(element[2..]));
        }
        catch (JsonException)
        {
            return element;
        }
    }

    /// <summary>True when this path is <paramref name="other"/> or one of its ancestors.</summary>
    public bool IsPrefixOf(FieldPath other)
    {
        if (other.Length < Length)
        {
            return false;
        }

        for (var i = 0; i < Length; i++)
        {
            if (!string.Equals(Elements[i], other.Elements[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    public bool Equals(FieldPath? other) =>
        other is not null && hash == other.hash && Length == other.Length && IsPrefixOf(other);

    public override bool Equals(object? obj) => Equals(obj as FieldPath);

    public override int GetHashCode() => hash;

    /// <summary>The path as the apiserver prints it in conflict messages.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder();
        foreach (var element in Elements)
        {
            var body = element.Length >= 2 ? element[2..] : element;
            switch (element.Length >= 2 ? element[0] : ' ')
            {
                case 'f':
                    builder.Append('.').Append(body);
                    break;
                case 'k':
                    builder.Append('[');
                    if (JsonNode.Parse(body) is JsonObject keys)
                    {
                        builder.AppendJoin(',', keys.Select(k => k.Key + "=" + Json(k.Value)));
                    }

                    builder.Append(']');
                    break;
                case 'v':
                    builder.Append("[=").Append(body).Append(']');
                    break;
                case 'i':
                    builder.Append('[').Append(body).Append(']');
                    break;
                default:
                    builder.Append(element);
                    break;
            }
        }

        return builder.ToString();
    }
}
