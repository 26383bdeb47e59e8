using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace OciOperator.ResourceGraph.Api.RgdCrdTypes;

/// <summary>One <c>spec.schema.additionalPrinterColumns</c> entry (a CRD <c>CustomResourceColumnDefinition</c>).</summary>
public sealed record RgdCrdPrinterColumn
{
    /// <summary>Column header.</summary>
    [JsonPropertyName("name")]
    [Required]
    [Description("Column header.")]
    public string Name { get; init; } = "";

    /// <summary>OpenAPI type of the cell.</summary>
    [JsonPropertyName("type")]
    [Required]
    [Description("OpenAPI type of the cell.")]
    public string Type { get; init; } = "";

    /// <summary>OpenAPI format of the cell.</summary>
    [JsonPropertyName("format")]
    [Description("OpenAPI format of the cell.")]
    public string? Format { get; init; }

    /// <summary>Description of the column.</summary>
    [JsonPropertyName("description")]
    [Description("Description of the column.")]
    public string? Description { get; init; }

    /// <summary>0 always shown; higher only in wide output.</summary>
    [JsonPropertyName("priority")]
    [Description("0 shows the column always; a higher value only with -o wide.")]
    public int? Priority { get; init; }

    /// <summary>JSONPath of the cell value.</summary>
    [JsonPropertyName("jsonPath")]
    [Required]
    [Description("JSONPath of the cell value, evaluated against each instance.")]
    public string JsonPath { get; init; } = "";
}
