using System.Text.Json.Nodes;
using OciOperator.Cel.Values;
using OciOperator.ResourceGraph.Api;
using OciOperator.ResourceGraph.Graph;
using OciOperator.ResourceGraph.Schemas;

namespace OciOperator.ResourceGraph.Building;

/// <summary>The working state of one resource while the graph is built.</summary>
internal sealed class ResourceDraft(RgdResource resource)
{
    public RgdResource Resource { get; } = resource;

    public string Id => Resource.Id;

    public NodeKind Kind => Resource.ExternalRef is null ? NodeKind.Template
        : Resource.ExternalRef.IsSelector ? NodeKind.ExternalRefSelector : NodeKind.ExternalRef;

    public GroupVersionKind? Gvk { get; set; }

    /// <summary>The object schema with the full ObjectMeta; null when unknown (then everything is dyn).</summary>
    public JsonObject? Schema { get; set; }

    public bool Namespaced { get; set; } = true;

    /// <summary>The object as the engine sees it: the template, or the external reference as apiVersion/kind/metadata.</summary>
    public JsonObject Object { get; set; } = [];

    /// <summary>The CEL type of the variable named after this resource (a list for collections and selectors).</summary>
    public CelType VariableType { get; set; } = CelType.Dyn;

    /// <summary>The type of one object (the element type of <see cref="VariableType"/> for lists).</summary>
    public CelType ObjectType { get; set; } = CelType.Dyn;

    /// <summary>The policy from <c>deletionPolicy</c> or the <c>kro.run/deletion-policy</c> template annotation.</summary>
    public RgdDeletionPolicy DeletionPolicy { get; set; }

    public List<DraftExpression> Fields { get; } = [];

    public List<DraftExpression> IncludeWhen { get; } = [];

    public List<DraftExpression> ReadyWhen { get; } = [];

    public List<DraftExpression> ForEach { get; } = [];

    public Dictionary<string, CelType> IteratorTypes { get; } = new(StringComparer.Ordinal);

    public List<string> Dependencies { get; } = [];

    public IEnumerable<DraftExpression> AllExpressions => Fields.Concat(IncludeWhen).Concat(ReadyWhen).Concat(ForEach);
}
