using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace OciOperator.ResourceGraph.Api.RgdCrdTypes;

/// <summary>A <c>metav1.LabelSelector</c>.</summary>
public sealed record RgdCrdLabelSelector
{
    /// <summary>Labels that must all match.</summary>
    [JsonPropertyName("matchLabels")]
    [Description("Labels that must all match.")]
    public IDictionary<string, string>? MatchLabels { get; init; }

    /// <summary>Requirements that must all match.</summary>
    [JsonPropertyName("matchExpressions")]
    [Description("Label requirements that must all match.")]
    public IList<RgdCrdLabelRequirement>? MatchExpressions { get; init; }
}

/// <summary>One <c>matchExpressions</c> requirement.</summary>
public sealed record RgdCrdLabelRequirement
{
    /// <summary>The label key.</summary>
    [JsonPropertyName("key")]
    [Required]
    [Description("The label key.")]
    public string Key { get; init; } = "";

    /// <summary>In, NotIn, Exists or DoesNotExist.</summary>
    [JsonPropertyName("operator")]
    [Required]
    [Description("In, NotIn, Exists or DoesNotExist.")]
    public string Operator { get; init; } = "";

    /// <summary>The values for In and NotIn.</summary>
    [JsonPropertyName("values")]
    [Description("The values for In and NotIn.")]
    public IList<string>? Values { get; init; }
}
