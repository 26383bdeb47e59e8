using System.Text.Json.Nodes;

namespace OciOperator.Sandbox.Kube.Selectors;

/// <summary>
/// The field labels one served resource accepts in a field selector, and how each reads a stored object (the
/// apiserver's field-label conversion plus the kind's <c>ToSelectableFields</c>). A label the kind accepts but
/// whose value the object does not carry reads as the empty string, as in a Go <c>fields.Set</c>.
/// </summary>
internal sealed class FieldLabels
{
    private readonly IReadOnlyDictionary<string, Func<JsonObject, string>> _readers;

    /// <param name="readers">Each accepted label and how it reads a stored object.</param>
    /// <param name="kindSpecific">
    /// True when the kind registers its own field-label conversion (its rejections read <c>field label not supported: X</c>);
    /// false for apimachinery's default conversion (<c>"X" is not a known field selector: only "metadata.name", ...</c>).
    /// </param>
    public FieldLabels(IReadOnlyDictionary<string, Func<JsonObject, string>> readers, bool kindSpecific = true)
    {
        _readers = readers;
        KindSpecific = kindSpecific;
    }

    /// <summary>
    /// <c>metadata.name</c> and <c>metadata.namespace</c>: apimachinery's <c>DefaultMetaV1FieldSelectorConversion</c>, used by
    /// every kind (custom resources included) that registers no conversion of its own.
    /// </summary>
    public static FieldLabels Metadata { get; } = new(
        new Dictionary<string, Func<JsonObject, string>>(StringComparer.Ordinal)
        {
            ["metadata.name"] = MetadataName,
            ["metadata.namespace"] = MetadataNamespace,
        },
        kindSpecific: false);

    public bool KindSpecific { get; }

    /// <summary>Every accepted label, sorted.</summary>
    public IReadOnlyList<string> Names => [.. _readers.Keys.Order(StringComparer.Ordinal)];

    public bool Supports(string label) => _readers.ContainsKey(label);

    /// <summary>The 400 message for a label the kind does not accept, worded as the apiserver words it.</summary>
    public string Unsupported(string label) =>
        KindSpecific ? $"field label not supported: {label}" : $"\"{label}\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\"";

    /// <summary>The label's value on <paramref name="stored"/>; throws for a label the kind does not accept.</summary>
    public string Read(JsonObject stored, string label) =>
        _readers.TryGetValue(label, out var read)
            ? read(stored)
            : throw new ArgumentException($"field label not supported: {label}", nameof(label));

    /// <summary>A kind-specific label set: these labels plus <paramref name="readers"/> (later entries win).</summary>
    public FieldLabels With(IEnumerable<KeyValuePair<string, Func<JsonObject, string>>> readers)
    {
        var merged = new Dictionary<string, Func<JsonObject, string>>(_readers, StringComparer.Ordinal);
        foreach (var (label, read) in readers)
        {
            merged[label] = read;
        }

        return new FieldLabels(merged, kindSpecific: true);
    }

    /// <summary>The string at a dotted path (<c>spec.nodeName</c>), or empty when absent or not a scalar.</summary>
    public static string Path(JsonObject obj, string dottedPath)
    {
        JsonNode? node = obj;
        foreach (var part in dottedPath.Split('.'))
        {
            node = (node as JsonObject)?[part];
        }

        return node switch
        {
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            JsonValue v => v.ToJsonString(),
            _ => "",
        };
    }

    private static string MetadataName(JsonObject obj) => Path(obj, "metadata.name");

    private static string MetadataNamespace(JsonObject obj) => Path(obj, "metadata.namespace");
}
