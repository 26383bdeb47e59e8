using OciOperator.ResourceGraph.Diagnostics;
using OciOperator.ResourceGraph.Graph;
using static OciOperator.ResourceGraph.Tests.Building.BadRgd.BadRgdCase;

namespace OciOperator.ResourceGraph.Tests.Building.BadRgd;

/// <summary>A.4 §G: SimpleSchema errors, wrapped as kro wraps them.</summary>
internal static partial class BadRgdCases
{
    private const GraphErrorGroup G = GraphErrorGroup.SimpleSchema;
    public const string SimpleSchemaWrap = "failed to build resourcegraphdefinition \"test-rgd\": failed to build OpenAPI schema for instance: ";

    public static IEnumerable<TestCaseData> SimpleSchemaErrors()
    {
        (string Name, string Spec, string? Types, string Fragment)[] cases =
        [
            ("unknown type", "a: Foo", null, "unknown type: Foo"),
            ("cyclic types", "a: A", "A: {b: B}\nB: {a: A}", "cyclic dependency in type"),
            ("map with int keys", "a: 'map[int]string'", null, "map key must be string"),
            ("map without value type", "a: 'map[string]'", null, "map value type is required"),
            ("slice without element type", "a: '[]'", null, "empty slice element type"),
            ("unknown marker", "a: string | foo=bar", null, "invalid marker key \"foo\": unknown marker: foo"),
            ("marker without value", "a: string | required", null, "marker key 'required' without a value"),
            ("unclosed quote", "a: 'string | description=\"abc'", null, "unclosed quote"),
            ("unclosed bracket", "a: '[]string | default=[\"a\"'", null, "unclosed bracket/brace"),
            ("bad integer default", "a: integer | default=abc", null, "default value must be a valid integer, got: abc"),
            ("enum on boolean", "a: boolean | enum=\"true,false\"", null, "enum values only supported for string and integer types, got type: boolean"),
            ("empty enum value", "a: string | enum=\"a,,b\"", null, "empty enum values are not allowed"),
            ("minLength on integer", "a: integer | minLength=1", null, "minLength marker is only valid for string types, got type: integer"),
            ("minItems on string", "a: string | minItems=1", null, "minItems marker is only valid for array types"),
            ("bad pattern", "a: string | pattern=\"(\"", null, "invalid pattern regex"),
            ("bad required value", "a: string | required=yes", null, "failed to parse required marker value: strconv.ParseBool: parsing \"yes\": invalid syntax"),
            ("listMapKey without listType", "a: '[]object | listMapKey=name'", null, "listMapKey set while listType is unset, listType must be set to map"),
            ("empty type", "a: ''", null, "empty type"),
        ];
        foreach (var (name, spec, types, fragment) in cases)
        {
            yield return Of(name, Rgd(Widget("w", "name: x"), SpecSchema(spec, types)), fragment, G);
        }
    }
}
