namespace OciOperator.ResourceGraph.Api;

/// <summary>
/// kro's current form of the deletion policy: the annotation <c>kro.run/deletion-policy: Delete | Orphaned</c> on a
/// resource template (absent = <c>Delete</c>), equivalent to <c>resources[].deletionPolicy</c>. It is read when the
/// RGD is validated (a static value only) and stays on the child as written, like any other template annotation.
/// </summary>
public static class DeletionPolicyAnnotation
{
    public const string Key = "kro.run/deletion-policy";
}
