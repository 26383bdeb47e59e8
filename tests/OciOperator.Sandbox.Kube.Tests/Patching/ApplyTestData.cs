using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Patching;

namespace OciOperator.Sandbox.Kube.Tests.Patching;

/// <summary>Shared inputs and inspection helpers for the server-side apply tests.</summary>
internal static class ApplyTestData
{
    public static readonly DateTimeOffset T0 = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset T1 = T0.AddSeconds(5.7);

    public static ListTypeResolver Deployments { get; } = BuiltInListTypes.For("apps/v1", "Deployment");

    public static JsonObject Deployment(string spec, string labels = """{"app":"wp"}""") => JsonAssert.Obj($$"""
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"wp","namespace":"default","labels":{{labels}}},"spec":{{spec}}}
        """);

    /// <summary>The conflict-notation paths a manager owns (e.g. <c>.spec.replicas</c>), sorted.</summary>
    public static string[] OwnedBy(JsonArray managedFields, string manager, string operation = "Apply")
    {
        var entry = managedFields.OfType<JsonObject>()
            .SingleOrDefault(e => (string?)e["manager"] == manager && (string?)e["operation"] == operation);
        return entry is null
            ? []
            : [.. FieldSet.FromFieldsV1(entry["fieldsV1"] as JsonObject).Paths.Select(p => p.ToString()).Order(StringComparer.Ordinal)];
    }

    public static string[] Managers(JsonArray managedFields) =>
        [.. managedFields.OfType<JsonObject>().Select(e => $"{e["manager"]}/{e["operation"]}")];
}
