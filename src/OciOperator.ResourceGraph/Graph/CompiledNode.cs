using System.Text.Json.Nodes;
using OciOperator.ResourceGraph.Api;
using OciOperator.ResourceGraph.Schemas;

namespace OciOperator.ResourceGraph.Graph;

/// <summary>One resource of a compiled graph: what it is, its object template, and its checked expressions.</summary>
public sealed record CompiledNode
{
    public required string Id { get; init; }

    /// <summary>The position in <c>spec.resources</c>.</summary>
    public required int Index { get; init; }

    public required NodeKind Kind { get; init; }

    public required GroupVersionKind Gvk { get; init; }

    public required bool Namespaced { get; init; }

    /// <summary>The template (a private copy; for external refs, the reference as an object with apiVersion/kind/metadata).</summary>
    public required JsonObject Template { get; init; }

    public RgdExternalRef? ExternalRef { get; init; }

    /// <summary>Fields set by expressions, in document order.</summary>
    public IReadOnlyList<CompiledField> Fields { get; init; } = [];

    public IReadOnlyList<CompiledExpression> IncludeWhen { get; init; } = [];

    public IReadOnlyList<CompiledExpression> ReadyWhen { get; init; } = [];

    public IReadOnlyList<CompiledForEach> ForEach { get; init; } = [];

    /// <summary>The ids this node depends on (through its template, includeWhen and forEach), in list order.</summary>
    public IReadOnlyList<string> Dependencies { get; init; } = [];

    /// <summary><c>deletionPolicy</c>; <see cref="RgdDeletionPolicy.Unset"/> deletes like <see cref="RgdDeletionPolicy.Delete"/>.</summary>
    public RgdDeletionPolicy DeletionPolicy { get; init; }

    /// <summary><c>externalFields</c>: map-key paths into the template handed to another field manager once it writes them.</summary>
    public IReadOnlyList<FieldPath> ExternalFields { get; init; } = [];

    public bool IsCollection => ForEach.Count > 0;
}
