using OciOperator.ResourceGraph.Diagnostics;
using OciOperator.ResourceGraph.Graph;
using static OciOperator.ResourceGraph.Tests.Building.BadRgd.BadRgdCase;

namespace OciOperator.ResourceGraph.Tests.Building.BadRgd;

/// <summary>A.4 §E: CEL compile errors and kro's structural compatibility of results with the fields they write.</summary>
internal static partial class BadRgdCases
{
    private const GraphErrorGroup E = GraphErrorGroup.TypeCheck;

    public static IEnumerable<TestCaseData> TypeChecking()
    {
        yield return Of("undefined spec field", Rgd(Widget("w", "name: ${schema.spec.nonExistentField}")),
            "failed to compile template expression \"${schema.spec.nonExistentField}\" at path \"spec.name\": ERROR: <input>:1:12: undefined field 'nonExistentField'", E, "w");
        yield return Of("field selection on a string", Rgd(Widget("w", "name: ${schema.metadata.name.foo}")), "does not support field selection", E, "w");
        yield return Of("string template with an int", Rgd(Widget("w", "name: x-${schema.spec.replicas}")),
            "found no matching overload for '_+_' applied to '(string, int)'", E, "w");
        yield return Of("syntax error", Rgd(Widget("w", "name: ${schema.spec.name +}")), "failed to compile template expression", E, "w");
        yield return Of("undefined field of another resource", Rgd(Widget("a") + "\n" + Widget("w", "name: ${a.status.nope}")), "undefined field 'nope'", E, "w");
        yield return Of("string into integer", Rgd(Widget("w", "replicas: ${schema.spec.name}")),
            "type mismatch in resource \"w\" at path \"spec.replicas\": expression \"${schema.spec.name}\" returns type \"string\" but expected \"int\"", E, "w");
        yield return Of("integer into string", Rgd(Widget("w", "name: ${schema.spec.replicas}")),
            "type mismatch in resource \"w\" at path \"spec.name\": expression \"${schema.spec.replicas}\" returns type \"int\" but expected \"string\"", E, "w");
        yield return Of("bool into number", Rgd(Widget("w", "ratio: ${schema.spec.enabled}")), "type kind mismatch: got bool, expected double", E, "w");
        yield return Of("string into list", Rgd(Widget("w", "tags: ${schema.spec.name}")), "type kind mismatch: got string, expected list(string)", E, "w");
        yield return Of("list of int into list of string", Rgd(Widget("w", "tags: ${[1, 2]}")), "list element type incompatible", E, "w");
        yield return Of("map of int into map of string", Rgd(Widget("w", "labels: '${{\"a\": 1}}'")), "map value type incompatible", E, "w");
        yield return Of("map with int keys into a struct", Rgd(Widget("w", "ref: '${{1: \"a\"}}'")), "map keys must be strings to assign to struct", E, "w");
        yield return Of("map of int into a struct", Rgd(Widget("w", "ref: '${{\"name\": 1}}'")), "map value incompatible with struct field", E, "w");
        yield return Of("struct with extra field", Rgd(Widget("a") + "\n" + Widget("w", "ref: ${a.status}")), "exists in output but not in expected type", E, "w");
        yield return Of("struct field of another type", Rgd(Widget("a") + "\n" + Widget("w", "items: ${[a.spec.ref]}")), "exists in output but not in expected type", E, "w");
        yield return Of("struct into map of string", Rgd(Widget("a") + "\n" + Widget("w", "labels: ${a.status}")), "incompatible with map value type", E, "w");
        yield return Of("bool into int-or-string", Rgd(Widget("w", "port: ${schema.spec.enabled}")), "expected \"int-or-string\"", E, "w");
        yield return Of("includeWhen returns string", Rgd(Widget("w", extra: "includeWhen: ['${schema.spec.name}']")),
            "includeWhen expression \"schema.spec.name\" in resource \"w\" must return bool or optional_type(bool), but returns \"string\"", E, "w");
        yield return Of("readyWhen returns int", Rgd(Widget("w", extra: "readyWhen: ['${w.status.count}']")),
            "readyWhen expression \"w.status.count\" in resource \"w\" must return bool or optional_type(bool), but returns \"int\"", E, "w");
        yield return Of("includeWhen syntax error", Rgd(Widget("w", extra: "includeWhen: ['${schema.spec.enabled ==}']")),
            "failed to type-check includeWhen expression", E, "w");
        yield return Of("readyWhen undefined field", Rgd(Widget("w", extra: "readyWhen: ['${w.status.nope}']")), "undefined field 'nope'", E, "w");
        yield return Of("forEach returns a string", Rgd(Widget("w", name: "${x}", extra: "forEach:\n  - x: '${schema.spec.name}'")),
            "node \"w\": forEach iterator \"x\" must return a list, got \"string\"", E, "w");
        yield return Of("iterator element type checked", Rgd(Widget("w", "replicas: ${x}", name: "${schema.spec.name + x}", extra: "forEach:\n  - x: '${[\"a\"]}'")),
            "returns type \"string\" but expected \"int\"", E, "w");
        yield return Of("collection used as an object", Rgd(Widget("a", name: "${x}", extra: "forEach:\n  - x: '${[\"x\"]}'") + "\n" + Widget("w", "name: ${a.metadata.name}")),
            "does not support field selection", E, "w");
    }
}
