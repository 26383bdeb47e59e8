using OciOperator.ResourceGraph.Diagnostics;
using OciOperator.ResourceGraph.Graph;
using static OciOperator.ResourceGraph.Tests.Building.BadRgd.BadRgdCase;

namespace OciOperator.ResourceGraph.Tests.Building.BadRgd;

/// <summary>A.4 §D: identifiers in scope per place, omit() and runtime rules, forEach iterators, cycles.</summary>
internal static partial class BadRgdCases
{
    private const GraphErrorGroup D = GraphErrorGroup.Dependency;

    public static IEnumerable<TestCaseData> Dependencies()
    {
        yield return Of("unknown identifier in a template", Rgd(Widget("w", "name: ${missing.metadata.name}")),
            "references unknown identifiers: [missing]", D, "w");
        yield return Of("unknown function", Rgd(Widget("w", "name: ${nope(schema.spec.name)}")), "uses unknown functions: [nope]", D, "w");
        yield return Of("unknown namespaced function", Rgd(Widget("w", "name: ${random.nope(1)}")), "uses unknown functions: [random.nope]", D, "w");
        yield return Of("includeWhen unknown identifier", Rgd(Widget("w", extra: "includeWhen: ['${ghost.spec.enabled}']")),
            "resource \"w\" includeWhen: references unknown identifiers: [ghost]", D, "w");
        yield return Of("includeWhen on itself", Rgd(Widget("w", extra: "includeWhen: ['${w.spec.enabled}']")),
            "resource \"w\" includeWhen: references unknown identifiers: [w]", D, "w");
        yield return Of("readyWhen on another resource", Rgd(Widget("other") + "\n" + Widget("w", extra: "readyWhen: ['${other.status.ready}']")),
            "resource \"w\" readyWhen: references unknown identifiers: [other]", D, "w");
        yield return Of("readyWhen on schema", Rgd(Widget("w", extra: "readyWhen: ['${schema.spec.enabled}']")),
            "resource \"w\" readyWhen: references unknown identifiers: [schema]", D, "w");
        yield return Of("collection readyWhen naming itself", Rgd(Widget("w", name: "${x}", extra: "forEach:\n  - x: '${[\"a\"]}'\nreadyWhen: ['${w.status.ready}']")),
            "resource \"w\" readyWhen: references unknown identifiers: [w]", D, "w");
        yield return Of("each in a non-collection readyWhen", Rgd(Widget("w", extra: "readyWhen: ['${each.status.ready}']")),
            "resource \"w\" readyWhen: references unknown identifiers: [each]", D, "w");
        yield return Of("omit without the feature gate", Rgd(Widget("w", "name: ${omit()}")),
            "omit() requires the CELOmitFunction feature gate to be enabled", D, "w");
        yield return Of("omit in includeWhen", Rgd(Widget("w", extra: "includeWhen: ['${omit()}']")),
            "omit() can only be used in resource template expressions", D, "w");
        yield return Of("omit in forEach", Rgd(Widget("w", name: "${x}", extra: "forEach:\n  - x: '${omit()}'")),
            "node \"w\": forEach iterator \"x\": omit() can only be used in resource template expressions", D, "w");
        yield return Of("omit in status", Rgd(Widget("w"), StatusSchema("x: ${omit()}")),
            "omit() can only be used in resource template expressions", D);
        yield return Of("runtime in a template", Rgd(Widget("w", "name: ${runtime.condition(schema, 'Ready').status}")),
            "runtime is only available in status.conditions expressions", D, "w");
        yield return Of("runtime in forEach", Rgd(Widget("w", name: "${x}", extra: "forEach:\n  - x: '${[runtime]}'")),
            "runtime is only available in status.conditions expressions", D, "w");
        yield return Of("iterator reads another iterator", Rgd(Widget("w", name: "${a + b}", extra: "forEach:\n  - a: '${[\"x\"]}'\n  - b: '${[a]}'")),
            "node \"w\": forEach iterator \"b\" cannot reference other iterators [a] - forEach iterators are independent (cartesian product)", D, "w");
        yield return Of("iterator missing from the name", Rgd(Widget("w", name: "${a}", extra: "forEach:\n  - a: '${[\"x\"]}'\n  - b: '${[\"y\"]}'")),
            "node \"w\": all forEach dimensions must be used to produce a unique resource identity, missing: [b]", D, "w");
        yield return Of("two-node cycle", Rgd(Widget("a", "name: ${b.metadata.name}") + "\n" + Widget("b", "name: ${a.metadata.name}")),
            "failed to build dependency graph: graph contains a cycle: a -> b -> a", D, "a");
        yield return Of("three-node cycle", Rgd(Widget("a", "name: ${b.metadata.name}") + "\n" + Widget("b", "name: ${c.metadata.name}") + "\n" + Widget("c", "name: ${a.metadata.name}")),
            "failed to build dependency graph: graph contains a cycle: a -> b -> c -> a", D, "a");
        yield return Of("cycle through includeWhen only", Rgd(Widget("a", extra: "includeWhen: ['${b.spec.enabled}']") + "\n" + Widget("b", extra: "includeWhen: ['${a.spec.enabled}']")),
            "graph contains a cycle: a -> b -> a", D, "a");
        yield return Of("cycle through forEach", Rgd(Widget("a", name: "${x}", extra: "forEach:\n  - x: '${b.spec.tags}'") + "\n" + Widget("b", "name: ${a[0].metadata.name}")),
            "graph contains a cycle: a -> b -> a", D, "a");
        yield return Of("self reference", Rgd(Widget("w", "name: ${w.metadata.name}")), "self references are not allowed", D, "w");
    }
}
