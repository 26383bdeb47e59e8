using OciOperator.ResourceGraph.Diagnostics;
using OciOperator.ResourceGraph.Graph;
using static OciOperator.ResourceGraph.Tests.Building.BadRgd.BadRgdCase;

namespace OciOperator.ResourceGraph.Tests.Building.BadRgd;

/// <summary>A.4 §C: kinds and schemas of resources, and <c>${...}</c> extraction against the field schema.</summary>
internal static partial class BadRgdCases
{
    private const GraphErrorGroup C = GraphErrorGroup.Extraction;

    public static IEnumerable<TestCaseData> Extraction()
    {
        yield return Of("apiVersion with three parts", Rgd("- id: w\n  template: {apiVersion: a/b/c, kind: Widget, metadata: {name: a}}"),
            "failed to extract GVK from resource w: invalid apiVersion format \"a/b/c\"", C, "w");
        yield return Of("kind not a DNS-1035 label", Rgd("- id: w\n  template: {apiVersion: test.kro.dev/v1, kind: Wid_get, metadata: {name: a}}"),
            "invalid kind \"Wid_get\": (must be a valid DNS-1035 label when lowercased)", C, "w");
        yield return Of("unknown built-in kind", Rgd("- id: w\n  template: {apiVersion: apps/v1, kind: Deploymint, metadata: {name: a}}"),
            "failed to get schema for resource w: schema not found", C, "w");
        yield return Of("CRD version not served", Rgd("- id: w\n  template: {apiVersion: test.kro.dev/v2, kind: Widget, metadata: {name: a}}"),
            "failed to get schema for resource w: schema not found", C, "w");
        yield return Of("expression in a CRD's spec", Rgd("""
            - id: crd
              template:
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata: {name: '${schema.spec.name}.test.kro.dev'}
                spec: {group: '${schema.spec.name}'}
            """), "CEL expressions in CRDs are only supported for metadata fields, found in path \"spec.group\", resource crd", C, "crd");
        yield return Of("string template in an integer field", Rgd(Widget("w", "replicas: x-${schema.spec.name}")),
            "expected integer type for path spec.replicas, got string", C, "w");
        yield return Of("string literal in an integer field", Rgd(Widget("w", "replicas: three")),
            "expected integer type for path spec.replicas, got string", C, "w");
        yield return Of("boolean literal in an integer field", Rgd(Widget("w", "replicas: true")),
            "expected integer type for path spec.replicas, got boolean", C, "w");
        yield return Of("fraction in an integer field", Rgd(Widget("w", "replicas: 1.5")),
            "expected integer type for path spec.replicas, got number", C, "w");
        yield return Of("string literal in an array field", Rgd(Widget("w", "tags: a,b")),
            "expected array type for path spec.tags, got string", C, "w");
        yield return Of("object in a string field", Rgd(Widget("w", "name: {a: b}")),
            "expected string type for path spec.name, got object", C, "w");
        yield return Of("list in an object field", Rgd(Widget("w", "ref: [a]")),
            "expected object type for path spec.ref, got array", C, "w");
        yield return Of("integer in a boolean field", Rgd(Widget("w", "enabled: 1")),
            "expected boolean type for path spec.enabled, got integer", C, "w");
        yield return Of("unknown field", Rgd(Widget("w", "unknownField: x")),
            "error getting field schema for path spec.unknownField: schema not found for field unknownField", C, "w");
        yield return Of("unknown nested field", Rgd(Widget("w", "ref: {nope: x}")),
            "schema not found for field nope", C, "w");
        yield return Of("unknown field in a list item", Rgd(Widget("w", "items: [{name: a, bogus: 1}]")),
            "error getting field schema for path spec.items[0].bogus: schema not found for field bogus", C, "w");
        yield return Of("nested expression", Rgd(Widget("w", "name: ${a(${b})}")),
            "nested expressions are not allowed unless inside string literals", C, "w");
        yield return Of("unterminated expression", Rgd(Widget("w", "name: 'x-${schema.spec.name'")), "unterminated expression", C, "w");
        yield return Of("empty expression", Rgd(Widget("w", "name: 'a${}'")), "empty expression", C, "w");
        yield return Of("readyWhen template string", Rgd(Widget("w", extra: "readyWhen: ['x-${w.status.ready}']")),
            "failed to parse readyWhen expressions: only standalone expressions are allowed", C, "w");
        yield return Of("readyWhen two expressions", Rgd(Widget("w", extra: "readyWhen: ['${w.status.ready}${w.status.ready}']")),
            "failed to parse readyWhen expressions: only standalone expressions are allowed", C, "w");
        yield return Of("readyWhen trailing newline", Rgd(Widget("w", extra: "readyWhen:\n  - |\n    ${w.status.ready}")),
            "failed to parse readyWhen expressions: only standalone expressions are allowed", C, "w");
        yield return Of("includeWhen template string", Rgd(Widget("w", extra: "includeWhen: ['is ${schema.spec.name}']")),
            "failed to parse includeWhen expressions: only standalone expressions are allowed", C, "w");
        yield return Of("forEach template string", Rgd(Widget("w", extra: "forEach:\n  - x: 'x${[1]}'")),
            "failed to parse forEach dimensions: invalid forEach expression for dimension \"x\": only standalone expressions are allowed", C, "w");
        yield return Of("forEach without expression", Rgd(Widget("w", extra: "forEach:\n  - x: abc")),
            "forEach dimension \"x\" must have exactly one expression", C, "w");
    }
}
