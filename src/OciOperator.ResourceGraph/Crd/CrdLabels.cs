namespace OciOperator.ResourceGraph.Crd;

/// <summary>The label keys kro writes on a generated CRD (kro §3); only these are reserved.</summary>
internal static class CrdLabels
{
    public const string Owned = "kro.run/owned";
    public const string KroVersion = "kro.run/kro-version";
    public const string RgdId = "kro.run/resource-graph-definition-id";
    public const string RgdName = "kro.run/resource-graph-definition-name";
}
