using OciOperator.Oci.Mysql;

namespace OciOperator.Mysql.Mapping;

/// <summary>
/// What changed between the last applied spec and the desired one: the force-new fields (no OCI call possible) and
/// the update to send (only the changed mutable fields; null when nothing is to be sent).
/// </summary>
internal sealed record SpecChanges(IReadOnlyList<string> ForceNewFields, IReadOnlyList<string> UpdatedFields, UpdateDbSystemDetails? Update)
{
    public static SpecChanges None { get; } = new([], [], null);

    public bool NeedsReplacement => ForceNewFields.Count > 0;
}
