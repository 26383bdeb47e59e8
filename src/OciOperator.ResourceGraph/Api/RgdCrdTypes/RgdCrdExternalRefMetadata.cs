using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using OciOperator.Schemas.Crd;

namespace OciOperator.ResourceGraph.Api.RgdCrdTypes;

/// <summary><c>externalRef.metadata</c>: exactly one of a name or a label selector, and an optional namespace.</summary>
[CrdValidation("has(self.name) != has(self.selector)", Message = "exactly one of name or selector must be provided")]
public sealed record RgdCrdExternalRefMetadata
{
    /// <summary>The object's name.</summary>
    [JsonPropertyName("name")]
    [MinLength(1)]
    [Description("Name of the referenced object.")]
    public string? Name { get; init; }

    /// <summary>The namespace (instance namespace by name; all namespaces by selector when unset).</summary>
    [JsonPropertyName("namespace")]
    [Description("Namespace of the referenced object(s); defaults to the instance's (by name) or all (by selector).")]
    public string? Namespace { get; init; }

    /// <summary>A label selector.</summary>
    [JsonPropertyName("selector")]
    [Description("A label selector; the reference then reads a list of objects.")]
    public RgdCrdLabelSelector? Selector { get; init; }
}
