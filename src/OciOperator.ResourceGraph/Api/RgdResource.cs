using System.Text.Json.Nodes;

namespace OciOperator.ResourceGraph.Api;

/// <summary>One entry of <c>spec.resources</c> (kro.md §1.3): exactly one of a template or an external reference.</summary>
public sealed record RgdResource
{
    public required string Id { get; init; }

    /// <summary>The position in <c>spec.resources</c>; it breaks ties in the topological order.</summary>
    public required int Index { get; init; }

    /// <summary>The manifest to apply; null for an external reference.</summary>
    public JsonObject? Template { get; init; }

    public RgdExternalRef? ExternalRef { get; init; }

    public IReadOnlyList<string> ReadyWhen { get; init; } = [];

    public IReadOnlyList<string> IncludeWhen { get; init; } = [];

    public IReadOnlyList<RgdForEachDimension> ForEach { get; init; } = [];

    /// <summary><c>deletionPolicy</c>: what happens to the children when kro no longer wants them (template-only).</summary>
    public RgdDeletionPolicy DeletionPolicy { get; init; }

    /// <summary><c>externalFields</c>: dotted map-key paths handed to another field manager once it writes them (template-only).</summary>
    public IReadOnlyList<string> ExternalFields { get; init; } = [];

    public bool IsCollection => ForEach.Count > 0;

    /// <summary>The path of this entry in the RGD, for messages: <c>spec.resources[2]</c>.</summary>
    public string Path => $"spec.resources[{Index}]";
}
