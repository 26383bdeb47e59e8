namespace OciOperator.ResourceGraph.Crd;

/// <summary>Kinds of schema change between two versions of an instance CRD (kro <c>pkg/graph/crd/compat</c>).</summary>
public enum CrdChangeKind
{
    PropertyAdded,
    PropertyRemoved,
    TypeChanged,
    RequiredAdded,
    EnumRestricted,
    PatternChanged,
    PatternAdded,
    MinimumTightened,
    MaximumTightened,
    LengthTightened,
    ItemsTightened,
    VersionRemoved,
}
