using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace OciOperator.ResourceGraph.Api.RgdCrdTypes;

/// <summary><c>spec</c> of an RGD (kro.md §1.1).</summary>
public sealed record RgdCrdSpec
{
    /// <summary>The instance API the RGD defines.</summary>
    [JsonPropertyName("schema")]
    [Required]
    [Description("The schema of the resource graph: the instance CRD kro generates (kind, version, spec and status).")]
    public RgdCrdSchema Schema { get; init; } = new();

    /// <summary>The resources of the graph.</summary>
    [JsonPropertyName("resources")]
    [Description("The resources that make up the graph, each a template or an external reference.")]
    public IList<RgdCrdResource>? Resources { get; init; }
}
