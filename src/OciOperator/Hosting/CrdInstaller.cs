using k8s;
using k8s.Autorest;
using k8s.Models;
using OciOperator.Mysql.Api;
using OciOperator.ResourceGraph.Api.RgdCrdTypes;
using OciOperator.Schemas.Crd;

namespace OciOperator.Hosting;

/// <summary>
/// Installs (or updates) the operator's CRDs, generated from the API types: what <c>kubectl apply -k config/crd</c>
/// does for a cluster, done by <c>sandbox</c> at start so the Sandbox is ready for <c>kubectl apply</c> of DbSystems and ResourceGraphDefinitions.
/// </summary>
internal static class CrdInstaller
{
    public static IReadOnlyList<V1CustomResourceDefinition> All() =>
    [
        CustomResourceDefinitionGenerator.Generate(typeof(DbSystem)),
        CustomResourceDefinitionGenerator.Generate(typeof(ResourceGraphDefinitionResource)),
    ];

    public static async Task InstallAsync(IKubernetes client, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        foreach (var crd in All())
        {
            try
            {
                await client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(crd, cancellationToken: ct).ConfigureAwait(false);
            }
            catch (HttpOperationException ex) when (ex.Response.StatusCode == System.Net.HttpStatusCode.Conflict)
            {
                var existing = await client.ApiextensionsV1.ReadCustomResourceDefinitionAsync(crd.Metadata.Name, cancellationToken: ct).ConfigureAwait(false);
                crd.Metadata.ResourceVersion = existing.Metadata.ResourceVersion;
                await client.ApiextensionsV1.ReplaceCustomResourceDefinitionAsync(crd, crd.Metadata.Name, cancellationToken: ct).ConfigureAwait(false);
            }
        }
    }
}
