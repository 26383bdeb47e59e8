using System.Text.Json.Nodes;

namespace OciOperator.ResourceGraph.Crd;

/// <summary>
/// Whether an RGD may update an existing CRD (kro <c>pkg/client/crd.go</c>): the CRD must carry kro's ownership labels
/// and name this RGD. The same name with another uid is adoption (the RGD was recreated), which is allowed.
/// </summary>
public static class CrdOwnership
{
    /// <summary>Null when <paramref name="rgdName"/> may update <paramref name="existingCrd"/>, else kro's message.</summary>
    public static string? Check(JsonObject existingCrd, string rgdName)
    {
        ArgumentNullException.ThrowIfNull(existingCrd);
        var name = existingCrd["metadata"]?["name"]?.GetValue<string>() ?? "(unnamed)";
        var labels = existingCrd["metadata"]?["labels"] as JsonObject;
        if (labels?[CrdLabels.Owned]?.GetValue<string>() != "true")
        {
            return $"failed to update CRD {name}: CRD already exists and is not owned by KRO";
        }

        var owner = labels[CrdLabels.RgdName]?.GetValue<string>();
        return owner is not null && owner != rgdName
            ? $"failed to update CRD {name}: CRD is owned by another ResourceGraphDefinition {owner}"
            : null;
    }
}
