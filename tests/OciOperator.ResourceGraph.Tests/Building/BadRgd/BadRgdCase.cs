using System.Text.Json.Nodes;
using OciOperator.ResourceGraph.Diagnostics;
using OciOperator.ResourceGraph.Graph;
using OciOperator.ResourceGraph.Tests.Support;

namespace OciOperator.ResourceGraph.Tests.Building.BadRgd;

/// <summary>Helpers shared by the bad-RGD tables: each case is an RGD, kro's message fragment and the A.4 group.</summary>
internal static class BadRgdCase
{
    public static TestCaseData Of(string name, JsonObject rgd, string fragment, GraphErrorGroup group, string? resourceId = null) =>
        new TestCaseData(rgd, fragment, group, resourceId).SetName($"{group}: {name}");

    public static JsonObject Rgd(string resources, string? schema = null) => RgdText.Rgd(resources, schema);

    public static string Widget(string id, string spec = "name: ${schema.spec.name}", string extra = "", string? name = null) =>
        RgdText.Widget(id, spec, extra, name ?? "${schema.metadata.name + \"-" + id + "\"}");

    /// <summary>The default schema with its <c>kind</c> (or other top-level lines) replaced.</summary>
    public static string Schema(string kind = "TestApp", string apiVersion = "v1alpha1", string extra = "") =>
        $"apiVersion: {apiVersion}\nkind: {kind}\nspec:\n  name: string | default=\"app\"\n  replicas: integer | default=1\n{extra}";

    /// <summary>A schema with the given SimpleSchema <c>spec</c> lines (and optional <c>types</c> block).</summary>
    public static string SpecSchema(string spec, string? types = null) =>
        "apiVersion: v1alpha1\nkind: TestApp\nspec:\n" + RgdText.Indent(spec, 2) + (types is null ? string.Empty : "\ntypes:\n" + RgdText.Indent(types, 2));

    /// <summary>A schema with the given <c>status</c> lines.</summary>
    public static string StatusSchema(string status) =>
        "apiVersion: v1alpha1\nkind: TestApp\nspec:\n  name: string | default=\"app\"\nstatus:\n" + RgdText.Indent(status, 2);
}
