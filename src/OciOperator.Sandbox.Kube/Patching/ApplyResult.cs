using System.Text.Json.Nodes;

namespace OciOperator.Sandbox.Kube.Patching;

/// <summary>
/// The outcome of a server-side apply: the merged object (its <c>metadata.managedFields</c> already set to
/// <see cref="ManagedFields"/>) and the new managedFields list.
/// </summary>
internal sealed record ApplyResult(JsonObject Object, JsonArray ManagedFields);
