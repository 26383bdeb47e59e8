using System.Text.Json.Nodes;

namespace OciOperator.Bundle;

/// <summary>The CSV's <c>clusterPermissions</c> and <c>permissions</c>, and the install objects they replace.</summary>
internal sealed record FoldedRbac(JsonArray ClusterPermissions, JsonArray Permissions, IReadOnlySet<JsonObject> Consumed);
