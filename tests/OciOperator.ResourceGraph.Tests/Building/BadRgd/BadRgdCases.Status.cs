using OciOperator.ResourceGraph.Diagnostics;
using OciOperator.ResourceGraph.Graph;
using static OciOperator.ResourceGraph.Tests.Building.BadRgd.BadRgdCase;

namespace OciOperator.ResourceGraph.Tests.Building.BadRgd;

/// <summary>A.4 §F: instance status fields and custom conditions.</summary>
internal static partial class BadRgdCases
{
    private const GraphErrorGroup F = GraphErrorGroup.Status;

    public static IEnumerable<TestCaseData> Status()
    {
        yield return Of("literal status field", Rgd(Widget("w"), StatusSchema("version: v1\naddress: ${w.status.address}")),
            "failed to build instance status schema: status fields without expressions are not supported: [version]", F);
        yield return Of("numeric status field", Rgd(Widget("w"), StatusSchema("nested:\n  count: 3")),
            "status fields without expressions are not supported: [nested.count]", F);
        yield return Of("status field reading nothing", Rgd(Widget("w"), StatusSchema("x: ${1 + 1}")),
            "instance status field must refer to a resource or schema: status.x", F);
        yield return Of("status string template with an int", Rgd(Widget("w"), StatusSchema("x: prefix-${w.spec.replicas}")),
            "failed to type-check status expression \"prefix-${w.spec.replicas}\" at path \"x\": ERROR: <input>:1:11: found no matching overload for '_+_' applied to '(string, int)'", F);
        yield return Of("status unknown identifier", Rgd(Widget("w"), StatusSchema("x: ${ghost.status.ready}")), "references unknown identifiers: [ghost]", F);
        yield return Of("runtime in a status field", Rgd(Widget("w"), StatusSchema("x: ${runtime.condition(w, 'Ready').status}")),
            "references unknown identifiers: [runtime]", F);
        yield return Of("status unterminated expression", Rgd(Widget("w"), StatusSchema("x: '${w.status.address'")), "unterminated expression", F);
        yield return Of("conditions not a list", Rgd(Widget("w"), StatusSchema("conditions: {a: b}")), "status.conditions must be a list, got map", F);
        yield return Of("condition not a string", Rgd(Widget("w"), StatusSchema("conditions: [3]")),
            "status.conditions[0] must be a CEL expression string, got number", F);
        yield return Of("condition returns a string", Rgd(Widget("w"), StatusSchema("conditions: ['${w.status.address}']")),
            "condition expressions must return runtime.newCondition(...) or a list of them, got \"string\"", F);
        yield return Of("condition with unknown key", Rgd(Widget("w"), StatusSchema("conditions: ['${runtime.newCondition({type: \"A\", status: \"True\", extra: \"x\"})}']")),
            "runtime.newCondition: unknown key \"extra\" (allowed: type, status, reason, message)", F);
        yield return Of("condition without status", Rgd(Widget("w"), StatusSchema("conditions: ['${runtime.newCondition({type: \"A\"})}']")),
            "'status' is required", F);
        yield return Of("condition without type", Rgd(Widget("w"), StatusSchema("conditions: ['${runtime.newCondition({status: \"True\"})}']")),
            "'type' is required", F);
        yield return Of("condition status literal", Rgd(Widget("w"), StatusSchema("conditions: ['${runtime.newCondition({type: \"A\", status: \"Maybe\"})}']")),
            "runtime.newCondition: status must be one of True, False, Unknown (got \"Maybe\")", F);
        yield return Of("condition empty type", Rgd(Widget("w"), StatusSchema("conditions: ['${runtime.newCondition({type: \"\", status: \"True\"})}']")),
            "runtime.newCondition: type must not be empty", F);
        yield return Of("condition type declared twice", Rgd(Widget("w"), StatusSchema(
            "conditions:\n  - '${runtime.newCondition({type: \"A\", status: \"True\"})}'\n  - '${runtime.newCondition({type: \"A\", status: \"False\"})}'")),
            "condition type \"A\" is declared by more than one conditions entry", F);
        yield return Of("condition not standalone", Rgd(Widget("w"), StatusSchema("conditions: ['x${w.status.ready}']")), "only standalone expressions are allowed", F);
        yield return Of("condition unknown identifier", Rgd(Widget("w"), StatusSchema("conditions: ['${runtime.newCondition({type: \"A\", status: ghost.x})}']")),
            "references unknown identifiers: [ghost]", F);
    }
}
