namespace OciOperator.ResourceGraph.Instances;

/// <summary>kro's instance condition types and reasons (kro.md §6.3).</summary>
public static class InstanceConditions
{
    public const string InstanceManaged = "InstanceManaged";
    public const string GraphResolved = "GraphResolved";
    public const string ResourcesReady = "ResourcesReady";
    public const string Ready = "Ready";

    public const string Managed = "Managed";
    public const string Resolved = "Resolved";
    public const string ResolutionFailed = "ResolutionFailed";
    public const string AllResourcesReady = "AllResourcesReady";
    public const string NotReady = "NotReady";
    public const string ReconciliationSuspended = "ReconciliationSuspended";
    public const string ResourceDeleting = "ResourceDeleting";
    public const string UnderDeletion = "UnderDeletion";
    public const string InvalidInstance = "InvalidInstance";
}
