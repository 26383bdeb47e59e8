using Microsoft.Extensions.Logging;
using OciOperator.Sandbox.Kube.Simulators.Client;

namespace OciOperator.Sandbox.Kube.Simulators.Workloads;

/// <summary>One shared informer per resource collection, so controllers that read the same kind share one cache.</summary>
internal sealed class InformerSet(KubeRestClient client, TimeProvider time, ILogger logger)
{
    private readonly Dictionary<string, ResourceInformer> _informers = new(StringComparer.Ordinal);

    public IReadOnlyCollection<ResourceInformer> All => _informers.Values;

    /// <summary>The informer of <paramref name="listPath"/> (e.g. <c>/apis/apps/v1/replicasets</c>), made on first use.</summary>
    public ResourceInformer For(string listPath)
    {
        if (!_informers.TryGetValue(listPath, out var informer))
        {
            informer = new ResourceInformer(client, listPath, static _ => { }, time, logger);
            _informers[listPath] = informer;
        }

        return informer;
    }
}
