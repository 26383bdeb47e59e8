using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using k8s;
using k8s.Models;
using OciOperator.Schemas.Crd;

namespace OciOperator.ResourceGraph.Api.RgdCrdTypes;

/// <summary>
/// The wire shape of kro's <c>kro.run/v1alpha1 ResourceGraphDefinition</c> (kro.md §1), from which the CRD in
/// <c>config/crd/bases</c> is generated. The engine reads RGDs through <see cref="RgdReader"/> into
/// <see cref="ResourceGraphDefinition"/>; this type only carries the API contract (schema, admission rules, columns).
/// </summary>
[KubernetesEntity(Group = KubeGroup, ApiVersion = KubeApiVersion, Kind = ResourceGraphDefinition.Kind, PluralName = KubePluralName)]
[Description("ResourceGraphDefinition is the Schema for the resourcegraphdefinitions API.")]
[CrdScope(CrdResourceScope.Cluster)]
[CrdShortName("rgd")]
[CrdCategory("kro")]
[CrdPrinterColumn(0, "APIVERSION", "string", ".spec.schema.apiVersion")]
[CrdPrinterColumn(1, "KIND", "string", ".spec.schema.kind")]
[CrdPrinterColumn(2, "STATE", "string", ".status.state")]
[CrdPrinterColumn(3, "READY", "string", ".status.conditions[?(@.type==\"Ready\")].status")]
[CrdPrinterColumn(4, "TOPOLOGICALORDER", "string", ".status.topologicalOrder", Priority = 1)]
[CrdPrinterColumn(5, "AGE", "date", ".metadata.creationTimestamp")]
public sealed class ResourceGraphDefinitionResource : IKubernetesObject<V1ObjectMeta>, ISpec<RgdCrdSpec>, IStatus<RgdCrdStatus?>
{
    /// <summary>The API group.</summary>
    public const string KubeGroup = "kro.run";

    /// <summary>The API version (without the group).</summary>
    public const string KubeApiVersion = "v1alpha1";

    /// <summary>The resource (plural) name.</summary>
    public const string KubePluralName = "resourcegraphdefinitions";

    /// <summary>The name of the CRD: <c>resourcegraphdefinitions.kro.run</c>.</summary>
    public const string CrdName = KubePluralName + "." + KubeGroup;

    /// <inheritdoc/>
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = ResourceGraphDefinition.ApiVersion;

    /// <inheritdoc/>
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = ResourceGraphDefinition.Kind;

    /// <inheritdoc/>
    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    /// <summary>The desired graph.</summary>
    [JsonPropertyName("spec")]
    [Required]
    [Description("ResourceGraphDefinitionSpec defines the desired state of ResourceGraphDefinition.")]
    public RgdCrdSpec Spec { get; set; } = new();

    /// <summary>The observed state, written by the RGD controller.</summary>
    [JsonPropertyName("status")]
    [Description("ResourceGraphDefinitionStatus defines the observed state of ResourceGraphDefinition.")]
    public RgdCrdStatus? Status { get; set; }
}
