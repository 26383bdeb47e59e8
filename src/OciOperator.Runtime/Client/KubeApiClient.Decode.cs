using System.Text.Json;
using k8s;
using k8s.Models;
using OciOperator.Runtime.Reconciliation;

namespace OciOperator.Runtime.Client;

/// <summary>Per-object decoding of list items and watch objects.</summary>
public sealed partial class KubeApiClient
{
    /// <summary>
    /// Decodes one object of a list or watch. Anything the decoder throws for it (a <see cref="JsonException"/>, the
    /// Kubernetes date-time converter's <see cref="FormatException"/>, an overflow) concerns this object only, so it
    /// becomes a <see cref="DecodeFailure"/> instead of failing the whole response.
    /// </summary>
    internal static T? Decode<T>(JsonElement element, ResourceType type, out DecodeFailure? failure)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        try
        {
            var item = KubernetesJson.Deserialize<T>(element);
            item.ApiVersion ??= type.ApiVersion;
            item.Kind ??= type.Kind;
            failure = null;
            return item;
        }
#pragma warning disable CA1031 // Decoding an in-memory element does no I/O: whatever it throws is about this object's content.
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            failure = DecodeFailure.From(element, type, ex);
            return null;
        }
    }
}
