using k8s;
using k8s.Models;
using OciOperator.Schemas.Crd;

namespace OciOperator.Schemas.Tests.Crd.Models;

/// <summary>A cluster-scoped kind without status, with short names.</summary>
[KubernetesEntity(Group = "example.com", ApiVersion = "v1", Kind = "Thing", PluralName = "things")]
[CrdScope(CrdResourceScope.Cluster)]
[CrdShortName("th")]
[CrdShortName("thg")]
internal sealed class SampleClusterThing : IKubernetesObject<V1ObjectMeta>
{
    public string ApiVersion { get; set; } = "example.com/v1";

    public string Kind { get; set; } = "Thing";

    public V1ObjectMeta Metadata { get; set; } = new();

    public SampleItem? Spec { get; set; }
}
