using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace OciOperator.ResourceGraph.Instances;

/// <summary>
/// Label-safe identity values on managed resources (kro v0.10, <c>rgd/06-instances.md</c>): a label value holds at
/// most 63 characters, so <c>kro.run/node-id</c>, <c>kro.run/instance-name</c> and <c>kro.run/instance-group</c> keep
/// their value verbatim up to 63 characters and become <c>h-</c> + the first 20 bytes of its SHA-256 in hex (42
/// characters, deterministic, so selectors keep matching) beyond. The full values are in annotations:
/// <c>internal.kro.run/node-path</c> always, <c>internal.kro.run/instance-name</c> and
/// <c>internal.kro.run/instance-group</c> only when the label was hashed. The mapping from a child to its instance
/// reads the annotation whenever the label is hashed.
/// </summary>
public static class ManagedLabels
{
    /// <summary>The longest label value Kubernetes accepts.</summary>
    public const int MaxLabelValueLength = 63;

    public const string HashPrefix = "h-";

    public const string NodePathAnnotation = "internal.kro.run/node-path";
    public const string InstanceNameAnnotation = "internal.kro.run/instance-name";
    public const string InstanceGroupAnnotation = "internal.kro.run/instance-group";

    /// <summary>Bytes of the SHA-256 kept in a hashed value (40 hex characters).</summary>
    private const int HashBytes = 20;

    /// <summary>The value verbatim when it fits a label, else <c>h-&lt;40 hex of sha256(value)&gt;</c>.</summary>
    public static string LabelValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length <= MaxLabelValueLength)
        {
            return value;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(value));
        return HashPrefix + Convert.ToHexStringLower(hash.AsSpan(0, HashBytes));
    }

    /// <summary>
    /// Writes the identity labels and annotations of a child: node id, instance name and group (hashed when too long),
    /// the node path annotation, and the full-value annotations of whichever labels were hashed.
    /// </summary>
    public static void Stamp(JsonObject labels, JsonObject annotations, string nodeId, string instanceName, string instanceGroup)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(annotations);
        labels[KroMetadata.NodeId] = LabelValue(nodeId);
        annotations[NodePathAnnotation] = nodeId;
        StampValue(labels, annotations, KroMetadata.InstanceName, InstanceNameAnnotation, instanceName);
        StampValue(labels, annotations, KroMetadata.InstanceGroup, InstanceGroupAnnotation, instanceGroup);
    }

    /// <summary>
    /// The full value behind <paramref name="labelKey"/>: the label itself, or — when it holds a hash — the annotation,
    /// provided the annotation hashes to the label (so a stale or copied annotation is not trusted). Null when absent.
    /// </summary>
    public static string? Resolve(IDictionary<string, string>? labels, IDictionary<string, string>? annotations, string labelKey, string annotationKey)
    {
        if (labels is null || !labels.TryGetValue(labelKey, out var label))
        {
            return null;
        }

        if (!label.StartsWith(HashPrefix, StringComparison.Ordinal) || annotations is null || !annotations.TryGetValue(annotationKey, out var full))
        {
            return label;
        }

        return LabelValue(full) == label ? full : label;
    }

    /// <summary><see cref="Resolve(IDictionary{string, string}?, IDictionary{string, string}?, string, string)"/> over an object's JSON <c>metadata</c>.</summary>
    public static string? Resolve(JsonNode? metadata, string labelKey, string annotationKey) =>
        Resolve(StringMap(metadata?["labels"]), StringMap(metadata?["annotations"]), labelKey, annotationKey);

    private static Dictionary<string, string>? StringMap(JsonNode? node) => node is JsonObject map
        ? map.Where(p => p.Value is JsonValue v && v.TryGetValue<string>(out _)).ToDictionary(p => p.Key, p => p.Value!.GetValue<string>(), StringComparer.Ordinal)
        : null;

    private static void StampValue(JsonObject labels, JsonObject annotations, string labelKey, string annotationKey, string value)
    {
        var label = LabelValue(value);
        labels[labelKey] = label;
        if (label != value)
        {
            annotations[annotationKey] = value;
        }
    }
}
