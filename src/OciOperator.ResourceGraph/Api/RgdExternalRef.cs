using System.Text.Json.Nodes;

namespace OciOperator.ResourceGraph.Api;

/// <summary>
/// <c>resources[].externalRef</c>: a read-only reference to an existing object, by name or by label selector
/// (kro.md §1.3). Name, namespace and selector values may hold <c>${...}</c> expressions.
/// </summary>
public sealed record RgdExternalRef
{
    public required string ApiVersion { get; init; }

    public required string Kind { get; init; }

    /// <summary>The object's name; null when a selector is used.</summary>
    public string? Name { get; init; }

    /// <summary>The namespace; null means the instance's namespace (by name) or all namespaces (by selector).</summary>
    public string? Namespace { get; init; }

    /// <summary>A <c>metav1.LabelSelector</c>; null when a name is used. A selector ref reads a list of objects.</summary>
    public JsonObject? Selector { get; init; }

    public bool IsSelector => Selector is not null;
}
