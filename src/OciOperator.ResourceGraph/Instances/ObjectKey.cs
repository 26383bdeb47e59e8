using System.Text.Json.Nodes;

namespace OciOperator.ResourceGraph.Instances;

/// <summary>An object's identity inside one kind: namespace (empty when cluster-scoped) and name.</summary>
public readonly record struct ObjectKey(string Namespace, string Name)
{
    public static ObjectKey Of(JsonObject obj) => new(
        obj["metadata"]?["namespace"]?.GetValue<string>() ?? string.Empty,
        obj["metadata"]?["name"]?.GetValue<string>() ?? string.Empty);

    public override string ToString() => Namespace.Length == 0 ? Name : $"{Namespace}/{Name}";
}
