using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using OciOperator.Schemas.Crd;

namespace OciOperator.ResourceGraph.Api.RgdCrdTypes;

/// <summary><c>status</c> of an RGD (kro.md §1.4).</summary>
public sealed record RgdCrdStatus
{
    /// <summary>Active when the graph, the kind and the controller are ready.</summary>
    [JsonPropertyName("state")]
    [Description("Active when the graph is accepted and its instance controller runs, else Inactive.")]
    public RgdCrdState? State { get; init; }

    /// <summary>The conditions (Ready last).</summary>
    [JsonPropertyName("conditions")]
    [CrdListType("map", "type")]
    [Description("The conditions of the RGD; Ready summarises the others.")]
    public IList<RgdCrdCondition>? Conditions { get; init; }

    /// <summary>Resource ids in creation order.</summary>
    [JsonPropertyName("topologicalOrder")]
    [Description("The resource ids in creation order.")]
    public IList<string>? TopologicalOrder { get; init; }

    /// <summary>Resources with their dependencies.</summary>
    [JsonPropertyName("resources")]
    [Description("The resources that depend on others, with their dependencies.")]
    public IList<RgdCrdResourceStatus>? Resources { get; init; }

    /// <summary>High-water mark of issued graph revisions.</summary>
    [JsonPropertyName("lastIssuedRevision")]
    [Description("The highest graph revision number issued.")]
    public long? LastIssuedRevision { get; init; }
}

/// <summary>The RGD state.</summary>
public enum RgdCrdState
{
    /// <summary>The graph serves instances.</summary>
    Active,

    /// <summary>The graph does not serve instances.</summary>
    Inactive,
}

/// <summary>One <c>status.resources[]</c> entry.</summary>
public sealed record RgdCrdResourceStatus
{
    /// <summary>The resource id.</summary>
    [JsonPropertyName("id")]
    [Required]
    [Description("The resource id.")]
    public string Id { get; init; } = "";

    /// <summary>The resources it depends on.</summary>
    [JsonPropertyName("dependencies")]
    [Description("The resources it depends on.")]
    public IList<RgdCrdDependency>? Dependencies { get; init; }
}

/// <summary>One dependency of a resource.</summary>
public sealed record RgdCrdDependency
{
    /// <summary>The id of the resource depended on.</summary>
    [JsonPropertyName("id")]
    [Required]
    [Description("The id of the resource depended on.")]
    public string Id { get; init; } = "";
}
