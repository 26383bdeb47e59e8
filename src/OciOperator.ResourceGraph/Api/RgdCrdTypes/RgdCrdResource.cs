using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using OciOperator.Schemas.Crd;

namespace OciOperator.ResourceGraph.Api.RgdCrdTypes;

/// <summary>One <c>spec.resources[]</c> entry (kro.md §1.3): exactly one of a template or an external reference.</summary>
[CrdValidation("has(self.template) != has(self.externalRef)", Message = "exactly one of template or externalRef must be provided")]
[CrdValidation("!has(self.deletionPolicy) || has(self.template)", Message = "deletionPolicy is only valid on resources with a template")]
[CrdValidation("!has(self.externalFields) || has(self.template)", Message = "externalFields is only valid on resources with a template")]
public sealed record RgdCrdResource
{
    /// <summary>The resource's id (lowerCamelCase, unique; checked by the graph builder).</summary>
    [JsonPropertyName("id")]
    [Required]
    [Description("The id of the resource, used to refer to it in expressions.")]
    public string Id { get; init; } = "";

    /// <summary>The manifest to apply.</summary>
    [JsonPropertyName("template")]
    [CrdPreserveUnknownFields]
    [Description("The Kubernetes manifest of the resource; may contain ${...} expressions.")]
    public JsonObject? Template { get; init; }

    /// <summary>A read-only reference to an existing object.</summary>
    [JsonPropertyName("externalRef")]
    [Description("A read-only reference to an existing object, by name or by label selector.")]
    public RgdCrdExternalRef? ExternalRef { get; init; }

    /// <summary>Expressions that all must be true for the resource to be ready.</summary>
    [JsonPropertyName("readyWhen")]
    [Description("Expressions that all must be true for the resource to be ready.")]
    public IList<string>? ReadyWhen { get; init; }

    /// <summary>Expressions that all must be true for the resource to be created.</summary>
    [JsonPropertyName("includeWhen")]
    [Description("Expressions that all must be true for the resource to be included.")]
    public IList<string>? IncludeWhen { get; init; }

    /// <summary>Collection dimensions: each entry one iterator name mapped to a list expression.</summary>
    [JsonPropertyName("forEach")]
    [CrdPropertyCount(1, 1)]
    [Description("Collection dimensions, each one {iterator: ${list expression}}; several give their cartesian product.")]
    public IList<IDictionary<string, string>>? ForEach { get; init; }

    /// <summary>What happens to the resource when kro no longer wants it (kro v0.10, alpha).</summary>
    [JsonPropertyName("deletionPolicy")]
    [Description("What happens to the resource when kro no longer wants it (instance deleted, resource removed from the graph, includeWhen false, forEach shrunk): Delete (the default) or Orphaned (left in the cluster and released from kro).")]
    public RgdCrdDeletionPolicy? DeletionPolicy { get; init; }

    /// <summary>Dotted map-key paths into the template handed to another field manager once it writes them.</summary>
    [JsonPropertyName("externalFields")]
    [CrdListType("set")]
    [CrdItemMaxLength(256)]
    [Description("Dotted map-key paths into the template (e.g. spec.replicas) that kro stops applying once another field manager has written them, so the two do not fight.")]
    public IList<string>? ExternalFields { get; init; }
}
