using k8s;
using k8s.Models;

namespace OciOperator.Schemas.Tests.Crd.Models;

internal sealed class UnannotatedThing : IKubernetesObject<V1ObjectMeta>
{
    public string ApiVersion { get; set; } = "example.com/v1";

    public string Kind { get; set; } = "Unannotated";

    public V1ObjectMeta Metadata { get; set; } = new();
}
