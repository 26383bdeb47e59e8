using System.Text.Json.Nodes;
using OciOperator.ResourceGraph.Crd;
using OciOperator.Runtime.Client;
using OciOperator.Runtime.Discovery;

namespace OciOperator.ResourceGraph.Definitions;

/// <summary>
/// Creates or patches an RGD's instance CRD (kro <c>pkg/client/crd.go</c>): ownership between RGDs by kro's labels,
/// breaking changes refused unless the RGD allows them, any other difference (printer columns, labels, short names,
/// a manual edit) patched back — and nothing written when the stored CRD already holds everything the graph wants.
/// Establishment is reported, not waited for: the CRD watch wakes the RGD when it comes.
/// </summary>
internal sealed class InstanceCrdSync(IKubeApi api)
{
    /// <summary>The RGD annotation that lets a breaking schema change through.</summary>
    public const string AllowBreakingChanges = "kro.run/allow-breaking-changes";

    public async Task<KindOutcome> EnsureAsync(JsonObject desired, string rgdName, bool allowBreaking, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(desired);
        var name = desired["metadata"]!["name"]!.GetValue<string>();
        var kind = desired["spec"]!["names"]!["kind"]!.GetValue<string>();
        var existing = await api.GetAsync<UnstructuredObject>(RestMapper.CustomResourceDefinitions, null, name, ct).ConfigureAwait(false);
        if (existing is null)
        {
            try
            {
                var created = await api.CreateAsync(RestMapper.CustomResourceDefinitions, new UnstructuredObject(desired.DeepClone().AsObject()), ct).ConfigureAwait(false);
                return Outcome(created, kind, written: true) with { Created = true };
            }
            catch (KubeApiException ex) when (ex.IsAlreadyExists)
            {
                existing = await api.GetAsync<UnstructuredObject>(RestMapper.CustomResourceDefinitions, null, name, ct).ConfigureAwait(false);
                if (existing is null)
                {
                    throw;
                }
            }
            catch (KubeApiException ex) when (IsRejected(ex))
            {
                return Failed($"failed to create CRD {name}: {ex.Message}");
            }
        }

        var stored = existing.ToJsonObject();
        if (CrdOwnership.Check(stored, rgdName) is { } notOwned)
        {
            return Failed(notOwned) with { Crd = existing };
        }

        if (Covers(desired["metadata"]!["labels"], stored["metadata"]?["labels"])
            && Covers(desired["metadata"]!["annotations"], stored["metadata"]?["annotations"])
            && Covers(desired["spec"], stored["spec"]))
        {
            return Outcome(existing, kind, written: false);
        }

        if (CrdCompatibility.BreakingMessage(name, CrdCompatibility.Compare(stored, desired)) is { } breaking && !allowBreaking)
        {
            return Failed(breaking) with { Crd = existing };
        }

        var spec = desired["spec"]!;
        var patch = new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["labels"] = desired["metadata"]!["labels"]?.DeepClone(),
                ["annotations"] = desired["metadata"]!["annotations"]?.DeepClone(),
            },
            ["spec"] = new JsonObject
            {
                ["group"] = spec["group"]?.DeepClone(),
                ["names"] = spec["names"]?.DeepClone(),
                ["scope"] = spec["scope"]?.DeepClone(),
                ["versions"] = spec["versions"]?.DeepClone(),
            },
        };
        if (patch["metadata"]!["annotations"] is null)
        {
            patch["metadata"]!.AsObject().Remove("annotations");
        }

        try
        {
            var patched = await api.PatchAsync<UnstructuredObject>(RestMapper.CustomResourceDefinitions, null, name, PatchKind.Merge, patch.ToJsonString(), status: false, ct).ConfigureAwait(false);
            return Outcome(patched, kind, written: true);
        }
        catch (KubeApiException ex) when (IsRejected(ex))
        {
            return Failed($"failed to update CRD {name}: {ex.Message}") with { Crd = existing };
        }
    }

    /// <summary>
    /// True when <paramref name="actual"/> holds every value of <paramref name="desired"/>: objects may have more keys
    /// (defaults the API server adds), lists must match item by item.
    /// </summary>
    internal static bool Covers(JsonNode? desired, JsonNode? actual) => (desired, actual) switch
    {
        (null, _) => true,
        (JsonObject d, JsonObject a) => d.All(p => Covers(p.Value, a[p.Key]) && (p.Value is not null || a.ContainsKey(p.Key))),
        (JsonArray d, JsonArray a) => d.Count == a.Count && d.Select((item, i) => Covers(item, a[i]) && (item is null) == (a[i] is null)).All(x => x),
        (JsonValue d, JsonValue a) => JsonNode.DeepEquals(d, a),
        _ => false,
    };

    // The API server refused the object itself (invalid, forbidden): retrying the same object cannot help.
    private static bool IsRejected(KubeApiException ex) => (int)ex.StatusCode is 400 or 403 or 422;

    private static KindOutcome Outcome(UnstructuredObject crd, string kind, bool written) =>
        ClusterCrdSchemaResolver.IsEstablished(crd)
            ? new KindOutcome(RgdCondition.True(RgdConditions.KindReady, RgdConditions.Reasons.KindAccepted, RgdConditions.Messages.KindAccepted(kind)), crd, written)
            : new KindOutcome(RgdCondition.False(RgdConditions.KindReady, RgdConditions.Reasons.NotEstablished, RgdConditions.Messages.NotEstablished(crd.Metadata.Name)), crd, written);

    private static KindOutcome Failed(string message) =>
        new(RgdCondition.False(RgdConditions.KindReady, RgdConditions.Reasons.Failed, message), null, Written: false);
}
