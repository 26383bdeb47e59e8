namespace OciOperator.ResourceGraph.Crd;

/// <summary>One schema change at a path; <see cref="Breaking"/> ones need <c>kro.run/allow-breaking-changes: "true"</c>.</summary>
public sealed record CrdChange(CrdChangeKind Kind, string Path, string Detail)
{
    public bool Breaking => Kind != CrdChangeKind.PropertyAdded;

    /// <summary>kro's upper-case change name, e.g. <c>PROPERTY_REMOVED</c>.</summary>
    public string Code => string.Concat(Kind.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant();

    public override string ToString() => $"{Code} {Path}: {Detail}";
}
