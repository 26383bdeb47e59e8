namespace OciOperator.Sandbox.Kube.Storage;

/// <summary>The kind of change a store event records (the watch event types ADDED, MODIFIED, DELETED).</summary>
internal enum StoreEventType
{
    Added,
    Modified,
    Deleted,
}
