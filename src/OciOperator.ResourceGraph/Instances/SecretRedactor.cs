using System.Text;
using System.Text.Json.Nodes;
using OciOperator.ResourceGraph.Graph;

namespace OciOperator.ResourceGraph.Instances;

/// <summary>
/// The values of the Secrets an instance renders or reads, so that none of them reaches the instance's status,
/// conditions, Events or logs: messages get them replaced, status fields that would reveal one are left out.
/// Values shorter than <see cref="MinimumLength"/> are not tracked (they would garble every message).
/// </summary>
internal sealed class SecretRedactor
{
    public const int MinimumLength = 4;
    public const string Mask = "[redacted]";

    private readonly List<string> _values = [];

    public static SecretRedactor From(InstanceRun run, ObservedState observed)
    {
        var redactor = new SecretRedactor();
        foreach (var node in run.Nodes.Where(n => IsSecret(n.Node)))
        {
            foreach (var obj in node.Desired.Concat(observed.Of(node.Id)))
            {
                redactor.Add(obj);
            }
        }

        return redactor;
    }

    public bool IsEmpty => _values.Count == 0;

    /// <summary>The text with every secret value replaced by <see cref="Mask"/>.</summary>
    public string Redact(string text)
    {
        foreach (var value in _values)
        {
            text = text.Replace(value, Mask, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>Whether any string inside <paramref name="node"/> contains a secret value.</summary>
    public bool Reveals(JsonNode? node) => node switch
    {
        null => false,
        JsonObject map => map.Any(p => Reveals(p.Value)),
        JsonArray list => list.Any(Reveals),
        JsonValue v => v.TryGetValue<string>(out var s) ? _values.Exists(x => s.Contains(x, StringComparison.Ordinal)) : _values.Exists(x => v.ToJsonString().Contains(x, StringComparison.Ordinal)),
        _ => false,
    };

    private static bool IsSecret(CompiledNode node) => node.Gvk.Group.Length == 0 && node.Gvk.Kind == "Secret";

    private void Add(JsonObject secret)
    {
        if (secret["stringData"] is JsonObject stringData)
        {
            foreach (var (_, value) in stringData)
            {
                Track(value is JsonValue v && v.TryGetValue<string>(out var s) ? s : null);
            }
        }

        if (secret["data"] is JsonObject data)
        {
            foreach (var (_, value) in data)
            {
                if (value is JsonValue v && v.TryGetValue<string>(out var encoded))
                {
                    Track(encoded);
                    Track(Decode(encoded));
                }
            }
        }
    }

    private static string? Decode(string encoded)
    {
        var buffer = new byte[encoded.Length];
        return Convert.TryFromBase64String(encoded, buffer, out var written) ? Encoding.UTF8.GetString(buffer, 0, written) : null;
    }

    private void Track(string? value)
    {
        if (value is { Length: >= MinimumLength } && !_values.Contains(value))
        {
            _values.Add(value);
            _values.Sort((a, b) => b.Length.CompareTo(a.Length));
        }
    }
}
