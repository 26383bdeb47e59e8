using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using k8s.Models;
using OciOperator.Schemas.Crd;

namespace OciOperator.Schemas.Tests.Crd.Models;

/// <summary>Every mapping the schema generator knows, in one type.</summary>
[System.ComponentModel.Description("A sample shape.")]
internal sealed record SampleShape
{
    [Required]
    public string Name { get; init; } = "";

    [JsonPropertyName("renamed")]
    public string? Original { get; init; }

    public SampleColor? Color { get; init; }

    public long? Big { get; init; }

    public double? Ratio { get; init; }

    public DateTimeOffset? When { get; init; }

    public IDictionary<string, int>? Counts { get; init; }

    public IList<SampleItem>? Items { get; init; }

    public string[]? Array { get; init; }

    public JsonElement? Anything { get; init; }

    public JsonNode? AnyNode { get; init; }

    [CrdPreserveUnknownFields]
    public SampleItem? Open { get; init; }

    public IntOrString? Target { get; init; }

    [CrdIntOrString]
    public string? PortName { get; init; }

    [StringLength(10, MinimumLength = 2)]
    [RegularExpression("^[a-z]+$")]
    public string? Code { get; init; }

    [MinLength(1)]
    [MaxLength(3)]
    [AllowedValues("a", "b")]
    public IList<string>? Letters { get; init; }

    [System.ComponentModel.DataAnnotations.Range(1, 9)]
    public int? Digit { get; init; }

    [AllowedValues(1, 2, 4)]
    public int? Power { get; init; }

    [CrdFormat("email")]
    public string? Mail { get; init; }

    [JsonIgnore]
    public string? Hidden { get; init; }

    public SampleItem? Child { get; init; }
}
