using k8s.Models;
using OciOperator.Mysql.Api;
using OciOperator.Runtime.Caching;
using OciOperator.Runtime.Client;
using OciOperator.Runtime.Reconciliation;

namespace OciOperator.Mysql.Secrets;

/// <summary>
/// Writes the endpoint Secret (named like the DbSystem, in its namespace, OSOK's keys) with the ownership label and
/// an ownerReference, and corrects it on every reconcile while ACTIVE. A Secret of that name that does not carry this
/// DbSystem's UID label is never touched. Deletes it (only if ours) after the OCI delete.
/// </summary>
internal sealed class EndpointSecretWriter(IKubeApi api, ICacheReader<V1Secret> cache)
{
    public static readonly ResourceType SecretType = new(string.Empty, "v1", "Secret", "secrets");

    public async Task<EndpointSecretOutcome> SyncAsync(DbSystem owner, DbSystemStatus status, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(status);
        var data = EndpointSecretData.Build(status).ToSecretData();
        if (data is null)
        {
            return EndpointSecretOutcome.Incomplete;
        }

        var ns = owner.Metadata.NamespaceProperty;
        var name = owner.Metadata.Name;
        // Read from the informer cache (no API read per resync); a stale answer ends in a 409 and a fresh read below.
        var existing = cache.Get(ns, name);
        if (existing is null)
        {
            var secret = new V1Secret
            {
                ApiVersion = "v1",
                Kind = "Secret",
                Type = "Opaque",
                Metadata = new V1ObjectMeta
                {
                    Name = name,
                    NamespaceProperty = ns,
                    Labels = new Dictionary<string, string> { [EndpointSecretLabels.OwnerUid] = owner.Metadata.Uid },
                },
                Data = data,
            };
            OwnerReferences.SetController(secret, owner);
            try
            {
                await api.CreateAsync(SecretType, secret, ct).ConfigureAwait(false);
                return EndpointSecretOutcome.Created;
            }
            catch (KubeApiException ex) when (ex.IsAlreadyExists)
            {
                existing = await api.GetAsync<V1Secret>(SecretType, ns, name, ct).ConfigureAwait(false);
                if (existing is null)
                {
                    throw;
                }
            }
        }

        if (!IsOurs(existing, owner))
        {
            return EndpointSecretOutcome.NotOwned;
        }

        var hasOwnerRef = OwnerReferences.IsOwnedBy(existing, owner);
        if (SameData(existing.Data, data) && hasOwnerRef && existing.StringData is null)
        {
            return EndpointSecretOutcome.Unchanged;
        }

        // PUT with the read resourceVersion: a concurrent change (or a stale cache) fails with 409 and the reconcile retries.
        existing = ObjectCopy.Clone(existing);
        existing.Data = data;
        existing.StringData = null;
        if (!hasOwnerRef)
        {
            OwnerReferences.SetController(existing, owner);
        }

        await api.ReplaceAsync(SecretType, existing, status: false, ct).ConfigureAwait(false);
        return EndpointSecretOutcome.Updated;
    }

    /// <summary>Deletes the endpoint Secret if it is ours; true when one was deleted.</summary>
    public async Task<bool> DeleteAsync(DbSystem owner, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var existing = await api.GetAsync<V1Secret>(SecretType, owner.Metadata.NamespaceProperty, owner.Metadata.Name, ct).ConfigureAwait(false);
        if (existing is null || !IsOurs(existing, owner))
        {
            return false;
        }

        return await api.DeleteAsync(SecretType, owner.Metadata.NamespaceProperty, owner.Metadata.Name, ct).ConfigureAwait(false);
    }

    private static bool IsOurs(V1Secret secret, DbSystem owner) =>
        secret.Metadata?.Labels?.TryGetValue(EndpointSecretLabels.OwnerUid, out var uid) == true && uid == owner.Metadata.Uid;

    private static bool SameData(IDictionary<string, byte[]>? actual, Dictionary<string, byte[]> desired) =>
        actual is not null && actual.Count == desired.Count
        && desired.All(kv => actual.TryGetValue(kv.Key, out var value) && value.AsSpan().SequenceEqual(kv.Value));
}
