using OciOperator.ResourceGraph.Diagnostics;
using OciOperator.ResourceGraph.Graph;
using static OciOperator.ResourceGraph.Tests.Building.BadRgd.BadRgdCase;

namespace OciOperator.ResourceGraph.Tests.Building.BadRgd;

/// <summary>A.4 §B: ids, reserved words, forEach iterators, object structure, scope and reserved metadata.</summary>
internal static partial class BadRgdCases
{
    private const GraphErrorGroup B = GraphErrorGroup.Naming;

    public static IEnumerable<TestCaseData> Naming()
    {
        foreach (var id in new[] { "schema", "spec", "status", "metadata", "each", "runtime", "self", "items", "namespace", "in", "true", "if", "graphengine" })
        {
            yield return Of($"reserved id {id}", Rgd(Widget(id)), $"naming convention violation: id {id} is a reserved keyword in KRO", B, id);
        }

        foreach (var id in new[] { "my-res", "MyRes", "my_res", "1x" })
        {
            yield return Of($"id {id}", Rgd(Widget("ok") + "\n" + Widget(id)),
                $"naming convention violation: id {id} is not a valid KRO resource id: must be lower camelCase", B, id);
        }

        yield return Of("duplicate ids", Rgd(Widget("w") + "\n" + Widget("w", name: "other")), "naming convention violation: found duplicate resource IDs w", B, "w");
        var eleven = string.Join("\n", Enumerable.Range(0, 11).Select(i => $"  - d{i}: '${{[1]}}'"));
        yield return Of("eleven forEach dimensions", Rgd(Widget("w", extra: "forEach:\n" + eleven)),
            "resource \"w\": forEach cannot have more than 10 dimensions, got 11", B, "w");
        yield return Of("iterator not lowerCamelCase", Rgd(Widget("w", extra: "forEach:\n  - My-Item: '${[1]}'")),
            "resource \"w\": forEach iterator name \"My-Item\" is not valid: must be lowerCamelCase", B, "w");
        yield return Of("iterator reserved", Rgd(Widget("w", extra: "forEach:\n  - each: '${[1]}'")),
            "resource \"w\": forEach iterator name \"each\" is a reserved keyword", B, "w");
        yield return Of("iterator named like a resource", Rgd(Widget("other") + "\n" + Widget("w", extra: "forEach:\n  - other: '${[1]}'")),
            "resource \"w\": forEach iterator name \"other\" conflicts with resource ID", B, "w");
        yield return Of("duplicate iterator", Rgd(Widget("w", extra: "forEach:\n  - x: '${[1]}'\n  - x: '${[2]}'")),
            "resource \"w\": duplicate forEach iterator name \"x\"", B, "w");
        yield return Of("no apiVersion", Rgd("- id: w\n  template: {kind: Widget, metadata: {name: a}}"),
            "resource w is not a valid Kubernetes object: apiVersion field not found", B, "w");
        yield return Of("apiVersion not a string", Rgd("- id: w\n  template: {apiVersion: 1, kind: Widget, metadata: {name: a}}"),
            "resource w is not a valid Kubernetes object: apiVersion field is not a string", B, "w");
        yield return Of("no kind", Rgd("- id: w\n  template: {apiVersion: test.kro.dev/v1, metadata: {name: a}}"),
            "resource w is not a valid Kubernetes object: kind field not found", B, "w");
        yield return Of("kind not a string", Rgd("- id: w\n  template: {apiVersion: test.kro.dev/v1, kind: [Widget], metadata: {name: a}}"),
            "resource w is not a valid Kubernetes object: kind field is not a string", B, "w");
        yield return Of("no metadata", Rgd("- id: w\n  template: {apiVersion: test.kro.dev/v1, kind: Widget}"),
            "resource w is not a valid Kubernetes object: metadata field not found", B, "w");
        yield return Of("metadata not a map", Rgd("- id: w\n  template: {apiVersion: test.kro.dev/v1, kind: Widget, metadata: name}"),
            "resource w is not a valid Kubernetes object: metadata field is not a map", B, "w");
        yield return Of("namespace not a string", Rgd("- id: w\n  template: {apiVersion: test.kro.dev/v1, kind: Widget, metadata: {name: a, namespace: {a: b}}}"),
            "resource \"w\" has invalid metadata.namespace", B, "w");
        yield return Of("cluster-scoped child with namespace", Rgd("- id: g\n  template: {apiVersion: test.kro.dev/v1, kind: Gadget, metadata: {name: a, namespace: '${schema.metadata.namespace}'}}"),
            "resource \"g\" is cluster-scoped and must not set metadata.namespace", B, "g");
        yield return Of("namespaced child of a cluster-scoped instance", Rgd(Widget("w"), Schema(extra: "scope: Cluster")),
            "resource \"w\" is namespaced and must set metadata.namespace when the instance CRD is cluster-scoped", B, "w");
        yield return Of("engine label kro.run/owned", Rgd("- id: w\n  template: {apiVersion: test.kro.dev/v1, kind: Widget, metadata: {name: a, labels: {kro.run/owned: 'x'}}}"),
            "invalid label for resource \"w\". labels with prefix \"kro.run/\" are reserved for internal use", B, "w");
        yield return Of("engine label kro.run/node-id", Rgd("- id: w\n  template: {apiVersion: test.kro.dev/v1, kind: Widget, metadata: {name: a, labels: {kro.run/node-id: 'x'}}}"),
            "invalid label for resource \"w\". labels with prefix \"kro.run/\" are reserved for internal use", B, "w");
        yield return Of("internal label", Rgd("- id: w\n  template: {apiVersion: test.kro.dev/v1, kind: Widget, metadata: {name: a, labels: {internal.kro.run/x: 'y'}}}"),
            "invalid label for resource \"w\". labels with prefix \"internal.kro.run/\" are reserved for internal use", B, "w");
        yield return Of("internal annotation", Rgd("- id: w\n  template: {apiVersion: test.kro.dev/v1, kind: Widget, metadata: {name: a, annotations: {internal.kro.run/apply-order: '1'}}}"),
            "invalid annotation for resource \"w\". annotations with prefix \"internal.kro.run/\" are reserved for internal use", B, "w");
        yield return Of("applyset label", Rgd("- id: w\n  template: {apiVersion: test.kro.dev/v1, kind: Widget, metadata: {name: a, labels: {applyset.kubernetes.io/part-of: 'x'}}}"),
            "labels with prefix \"applyset.kubernetes.io/\" are reserved for internal use", B, "w");
    }
}
