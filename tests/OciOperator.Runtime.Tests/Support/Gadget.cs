using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace OciOperator.Runtime.Tests.Support;

/// <summary>
/// A typed custom resource shaped like a DbSystem where it matters: an int32 spec field whose CRD has no maximum,
/// and a date-time status field (see <see cref="SandboxCluster.CreateGadgetCrdAsync"/>).
/// </summary>
internal sealed class Gadget : IKubernetesObject<V1ObjectMeta>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = "test.oci.example/v1";

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "Gadget";

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public GadgetSpec Spec { get; set; } = new();

    [JsonPropertyName("status")]
    public GadgetStatus? Status { get; set; }
}

internal sealed class GadgetSpec
{
    [JsonPropertyName("size")]
    public int Size { get; set; }
}

internal sealed class GadgetStatus
{
    [JsonPropertyName("observedAt")]
    public DateTime? ObservedAt { get; set; }
}
