using OciOperator.ResourceGraph.Crd;
using OciOperator.ResourceGraph.Instances;
using OciOperator.Runtime.Client;
using OciOperator.Runtime.Discovery;
using OciOperator.Runtime.Reconciliation;

namespace OciOperator.ResourceGraph.Definitions;

/// <summary>
/// Deleting an RGD (behind <c>kro.run/finalizer</c>). Its kind stops being served. Its instances are released: their
/// <c>kro.run/finalizer</c> is removed, so they stay deletable (kro leaves them stuck, A.6 #8) and their children are
/// orphaned, not deleted (they keep kro's labels, so an RGD for the kind created again adopts instance and children).
/// The instance CRD is kept, unless <c>--allow-crd-deletion</c> is set, when the CRD this RGD owns is deleted (and the
/// API server removes the instances with it). Then the RGD's own finalizer goes.
/// </summary>
public sealed partial class RgdReconciler
{
    private async Task<ReconcileResult> FinalizeAsync(UnstructuredObject rgd, CancellationToken ct)
    {
        var name = rgd.Metadata.Name;
        if (!Finalizers.Has(rgd, KroMetadata.Finalizer))
        {
            return ReconcileResult.Done;
        }

        await _server.StopAsync(name, ct).ConfigureAwait(false);
        foreach (var crd in _crds.List().Where(c => c.Metadata.Labels?.TryGetValue(CrdLabels.RgdName, out var owner) == true && owner == name
                     && c.Metadata.Labels.TryGetValue(CrdLabels.Owned, out var owned) && owned == "true"))
        {
            if (InstanceTypeOf(crd) is { } type)
            {
                var released = await ReleaseInstancesAsync(type, ct).ConfigureAwait(false);
                LogInstancesReleased(_logger, name, released, type.ToString());
            }

            if (_options.AllowCrdDeletion)
            {
                await _api.DeleteAsync(RestMapper.CustomResourceDefinitions, null, crd.Metadata.Name, ct).ConfigureAwait(false);
                LogCrdDeleted(_logger, name, crd.Metadata.Name);
            }
        }

        await _finalizers.RemoveAsync(Type, rgd, KroMetadata.Finalizer, ct).ConfigureAwait(false);
        Forget(name);
        LogFinalized(_logger, name, _options.AllowCrdDeletion);
        return ReconcileResult.Done;
    }

    /// <summary>Removes <c>kro.run/finalizer</c> from every instance of <paramref name="type"/>; returns how many it released.</summary>
    private async Task<int> ReleaseInstancesAsync(ResourceType type, CancellationToken ct)
    {
        ResourceList<UnstructuredObject> instances;
        try
        {
            instances = await _api.ListAsync<UnstructuredObject>(type, new ListOptions(), ct).ConfigureAwait(false);
        }
        catch (KubeApiException ex) when (ex.IsNotFound)
        {
            return 0;
        }

        var released = 0;
        foreach (var instance in instances.Items.Where(i => Finalizers.Has(i, KroMetadata.Finalizer)))
        {
            try
            {
                await _finalizers.RemoveAsync(type, instance, KroMetadata.Finalizer, ct).ConfigureAwait(false);
                released++;
            }
            catch (KubeApiException ex) when (ex.IsNotFound)
            {
                // Already gone.
            }
        }

        return released;
    }

    /// <summary>The resource of a CRD's storage version.</summary>
    private static ResourceType? InstanceTypeOf(UnstructuredObject crd)
    {
        var spec = crd["spec"];
        var group = spec?["group"]?.GetValue<string>();
        var kind = spec?["names"]?["kind"]?.GetValue<string>();
        var plural = spec?["names"]?["plural"]?.GetValue<string>();
        var version = (spec?["versions"] as System.Text.Json.Nodes.JsonArray ?? [])
            .FirstOrDefault(v => v?["storage"]?.GetValue<bool>() == true)?["name"]?.GetValue<string>();
        return group is null || kind is null || plural is null || version is null
            ? null
            : new ResourceType(group, version, kind, plural, spec?["scope"]?.GetValue<string>() != "Cluster");
    }
}
