using System.Text.Json.Nodes;

namespace OciOperator.Bundle;

/// <summary>What the ClusterServiceVersion takes from <c>config/</c> besides its base.</summary>
/// <param name="Version">The semantic version (from the image tag).</param>
/// <param name="Image">The operator image, a full reference.</param>
/// <param name="Deployment">The CSV's deployment entry: <c>name</c>, <c>label</c>, <c>spec</c>.</param>
/// <param name="Rbac">The folded permissions.</param>
/// <param name="Crds">The CRDs the install contains.</param>
/// <param name="Examples">The samples of owned kinds (<c>alm-examples</c>).</param>
/// <param name="IconSvg">The icon (SVG text).</param>
internal sealed record CsvInputs(
    string Version,
    string Image,
    JsonObject Deployment,
    FoldedRbac Rbac,
    IReadOnlyList<JsonObject> Crds,
    IReadOnlyList<JsonObject> Examples,
    string IconSvg);
