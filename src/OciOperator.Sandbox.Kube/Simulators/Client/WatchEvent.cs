using System.Text.Json.Nodes;

namespace OciOperator.Sandbox.Kube.Simulators.Client;

/// <summary>One line of a watch stream: ADDED, MODIFIED, DELETED, BOOKMARK (ERROR is raised as an exception).</summary>
internal readonly record struct WatchEvent(string Type, JsonObject Object);
