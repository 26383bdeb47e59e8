using OciOperator.ResourceGraph.Diagnostics;
using OciOperator.ResourceGraph.Graph;
using static OciOperator.ResourceGraph.Tests.Building.BadRgd.BadRgdCase;

namespace OciOperator.ResourceGraph.Tests.Building.BadRgd;

/// <summary>A.4 §A: what the RGD CRD rejects at admission, checked offline by the reader.</summary>
internal static partial class BadRgdCases
{
    private const GraphErrorGroup A = GraphErrorGroup.Admission;
    private const string KindPattern = "^[A-Z][a-zA-Z0-9]{0,62}$";
    private const string VersionPattern = "^v[0-9]+(alpha[0-9]+|beta[0-9]+)?$";

    public static IEnumerable<TestCaseData> Admission()
    {
        foreach (var kind in new[] { "testResource", "Test_Resource", "Test-Resource", "123Test", "Test.Resource", "Test!", "A" + new string('b', 63) })
        {
            yield return Of($"kind {kind[..Math.Min(kind.Length, 16)]}", Rgd(Widget("w"), Schema(kind: $"\"{kind}\"")), KindPattern, A);
        }

        yield return Of("apiVersion with group", Rgd(Widget("w"), Schema(apiVersion: "apps/v1")), VersionPattern, A);
        yield return Of("apiVersion upper case", Rgd(Widget("w"), Schema(apiVersion: "V1")), VersionPattern, A);
        yield return Of("scope not an enum value", Rgd(Widget("w"), Schema(extra: "scope: Global")), "scope must be Namespaced or Cluster", A);
        yield return Of("short name not a DNS label", Rgd(Widget("w"), Schema(extra: "shortNames: [Bad_Name]")), "^[a-z]([-a-z0-9]*[a-z0-9])?$", A);
        yield return Of("duplicate category", Rgd(Widget("w"), Schema(extra: "categories: [kro, kro]")), "duplicate value in categories", A);
        yield return Of("33 short names", Rgd(Widget("w"), Schema(extra: "shortNames: [" + string.Join(",", Enumerable.Range(0, 33).Select(i => $"s{i}")) + "]")),
            "at most 32 entries", A);
        yield return Of("template and externalRef", Rgd("""
            - id: w
              template: {apiVersion: test.kro.dev/v1, kind: Widget, metadata: {name: a}}
              externalRef: {apiVersion: test.kro.dev/v1, kind: Widget, metadata: {name: a}}
            """), "exactly one of template or externalRef must be provided", A, "w");
        yield return Of("neither template nor externalRef", Rgd("- id: w\n  readyWhen: ['${w.status.ready}']"),
            "exactly one of template or externalRef must be provided", A, "w");
        yield return Of("externalRef with name and selector", Rgd("""
            - id: w
              externalRef: {apiVersion: test.kro.dev/v1, kind: Widget, metadata: {name: a, selector: {matchLabels: {a: b}}}}
            """), "exactly one of name or selector must be provided", A, "w");
        yield return Of("externalRef with neither name nor selector", Rgd("""
            - id: w
              externalRef: {apiVersion: test.kro.dev/v1, kind: Widget, metadata: {namespace: x}}
            """), "exactly one of name or selector must be provided", A, "w");
        yield return Of("externalRef with empty name", Rgd("""
            - id: w
              externalRef: {apiVersion: test.kro.dev/v1, kind: Widget, metadata: {name: ""}}
            """), "should be at least 1 chars long", A, "w");
        yield return Of("forEach entry with two iterators", Rgd(Widget("w", extra: "forEach:\n  - {a: '${[1]}', b: '${[2]}'}")),
            "must have at most 1 items", A, "w");
        yield return Of("forEach entry with no iterator", Rgd(Widget("w", extra: "forEach:\n  - {}")), "must have at least 1 items", A, "w");
        yield return Of("resource without id", Rgd("- template: {apiVersion: test.kro.dev/v1, kind: Widget, metadata: {name: a}}"), "Required value", A);
        yield return Of("externalRef without apiVersion", Rgd("- id: w\n  externalRef: {kind: Widget, metadata: {name: a}}"), "Required value", A, "w");
        yield return Of("externalRef without kind", Rgd("- id: w\n  externalRef: {apiVersion: test.kro.dev/v1, metadata: {name: a}}"), "Required value", A, "w");
        yield return Of("unknown resource field", Rgd(Widget("w", extra: "readywhen: ['${w.status.ready}']")), "unknown field \"readywhen\"", A, "w");
        yield return Of("readyWhen not a list", Rgd(Widget("w", extra: "readyWhen: '${w.status.ready}'")), "must be a list of strings", A, "w");
    }
}
