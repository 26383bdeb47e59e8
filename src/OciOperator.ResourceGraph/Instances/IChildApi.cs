using System.Text.Json.Nodes;
using OciOperator.Runtime.Reconciliation;

namespace OciOperator.ResourceGraph.Instances;

/// <summary>
/// The Kubernetes verbs the instance reconciler uses, on unstructured objects. A boundary so the engine can move to
/// the runtime's dynamic client (server-side apply, delete preconditions, discovery) without touching the reconciler.
/// </summary>
public interface IChildApi
{
    Task<JsonObject?> GetAsync(ResourceType type, string? @namespace, string name, CancellationToken ct);

    Task<IReadOnlyList<JsonObject>> ListAsync(ResourceType type, string? @namespace, string labelSelector, CancellationToken ct);

    /// <summary>Server-side apply with <see cref="KroMetadata.FieldManager"/> and force; returns the stored object.</summary>
    Task<JsonObject> ApplyAsync(ResourceType type, JsonObject obj, CancellationToken ct);

    /// <summary>Deletes with a UID precondition (background propagation); false when already gone.</summary>
    Task<bool> DeleteAsync(ResourceType type, string? @namespace, string name, string? uid, CancellationToken ct);

    /// <summary>A JSON merge patch of the object (not its status).</summary>
    Task<JsonObject> MergePatchAsync(ResourceType type, string? @namespace, string name, JsonObject patch, CancellationToken ct);

    /// <summary>
    /// Server-side apply of <c>/status</c> with <see cref="KroMetadata.FieldManager"/> and force (kro v0.10): the stored
    /// status becomes what <paramref name="obj"/>'s <c>status</c> holds, fields applied before and left out now are
    /// removed. <paramref name="obj"/> holds apiVersion, kind, name (and namespace) and status. Returns the stored object.
    /// </summary>
    Task<JsonObject> ApplyStatusAsync(ResourceType type, JsonObject obj, CancellationToken ct);

    /// <summary>Records a core Event on <paramref name="regarding"/>.</summary>
    Task RecordEventAsync(JsonObject regarding, string type, string reason, string message, CancellationToken ct);
}
