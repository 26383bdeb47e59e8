using System.Text.Json.Nodes;
using OciOperator.ResourceGraph.SimpleSchema;
using OciOperator.ResourceGraph.Tests.Support;

namespace OciOperator.ResourceGraph.Tests.SimpleSchema;

/// <summary>Each marker's OpenAPI effect and type constraint, through a whole field spec (<c>type | markers</c>).</summary>
[TestFixture]
public sealed class MarkerApplierTests
{
    private static IEnumerable<TestCaseData> Effects()
    {
        yield return Case("RequiredTrue", "string | required=true", "{type: string}", required: true);
        yield return Case("RequiredFalse", "string | required=false", "{type: string}", required: false);
        yield return Case("RequiredGoBoolSpelling", "string | required=T", "{type: string}", required: true);
        yield return Case("NoMarkers", "string", "{type: string}", required: false);
        yield return Case("DefaultString", "string | default=\"dbadmin\"", "{type: string, default: dbadmin}");
        yield return Case("DefaultStringBare", "string | default=hello", "{type: string, default: hello}");
        yield return Case("DefaultStringLooksNumeric", "string | default=42", "{type: string, default: \"42\"}");
        yield return Case("DefaultStringEmpty", "string | default=\"\"", "{type: string, default: \"\"}");
        yield return Case("DefaultInteger", "integer | default=50", "{type: integer, default: 50}");
        yield return Case("DefaultNegativeInteger", "integer | default=-3", "{type: integer, default: -3}");
        yield return Case("DefaultFloat", "float | default=1.5", "{type: number, default: 1.5}");
        yield return Case("DefaultFloatIntegral", "float | default=2", "{type: number, default: 2}");
        yield return Case("DefaultBooleanTrue", "boolean | default=true", "{type: boolean, default: true}");
        yield return Case("DefaultBooleanFalse", "boolean | default=false", "{type: boolean, default: false}");
        yield return Case("DefaultArray", "[]string | default=[\"a\", \"b\"]", "{type: array, items: {type: string}, default: [a, b]}");
        yield return Case("DefaultMap", "map[string]string | default={\"k\":\"v\"}", "{type: object, additionalProperties: {type: string}, default: {k: v}}");
        yield return Case("DefaultObject", "object | default={}", "{type: object, x-kubernetes-preserve-unknown-fields: true, default: {}}");
        yield return Case("Description", "string | description=\"The user name\"", "{type: string, description: The user name}");
        yield return Case("EnumStrings", "string | enum=\"a,b, c\"", "{type: string, enum: [a, b, c]}");
        yield return Case("EnumIntegers", "integer | enum=\"1,2,3\"", "{type: integer, enum: [1, 2, 3]}");
        yield return Case("MinimumMaximum", "integer | minimum=1 maximum=10", "{type: integer, minimum: 1, maximum: 10}");
        yield return Case("MinimumFraction", "float | minimum=0.5", "{type: number, minimum: 0.5}");
        yield return Case("MinimumNegative", "integer | minimum=-5", "{type: integer, minimum: -5}");
        yield return Case("Pattern", "string | pattern=\"^[a-z]+$\"", "{type: string, pattern: \"^[a-z]+$\"}");
        yield return Case("MinLengthMaxLength", "string | minLength=1 maxLength=63", "{type: string, minLength: 1, maxLength: 63}");
        yield return Case("MinItemsMaxItems", "[]string | minItems=1 maxItems=3", "{type: array, items: {type: string}, minItems: 1, maxItems: 3}");
        yield return Case("UniqueItemsTrue", "[]string | uniqueItems=true", "{type: array, items: {type: string}, x-kubernetes-list-type: set}");
        yield return Case("UniqueItemsFalse", "[]string | uniqueItems=false", "{type: array, items: {type: string}}");
        yield return Case("UniqueItemsWithListTypeSet", "[]string | uniqueItems=true listType=set", "{type: array, items: {type: string}, x-kubernetes-list-type: set}");
        yield return Case("ListTypeAtomic", "[]string | listType=atomic", "{type: array, items: {type: string}, x-kubernetes-list-type: atomic}");
        yield return Case("ListTypeMapWithKeys", "[]map[string]string | listType=map listMapKey=name listMapKey=port",
            "{type: array, items: {type: object, additionalProperties: {type: string}}, x-kubernetes-list-type: map, x-kubernetes-list-map-keys: [name, port]}");
        yield return Case("ImmutableTrue", "string | immutable=true", "{type: string, x-kubernetes-validations: [{rule: self == oldSelf, message: field is immutable}]}");
        yield return Case("ImmutableFalse", "string | immutable=false", "{type: string}");
        yield return Case("Validation", "integer | validation=\"self % 2 == 0\"",
            "{type: integer, x-kubernetes-validations: [{rule: self % 2 == 0, message: validation failed}]}");
        yield return Case("ImmutableAndValidationInOrder", "string | validation=\"self != ''\" immutable=true",
            "{type: string, x-kubernetes-validations: [{rule: self != '', message: validation failed}, {rule: self == oldSelf, message: field is immutable}]}");
        yield return Case("UniqueItemsThenFalse", "[]string | uniqueItems=true uniqueItems=false", "{type: array, items: {type: string}, x-kubernetes-list-type: set}");
        yield return Case("ListTypeSetThenAtomicWithoutUniqueItems", "[]string | listType=set listType=atomic", "{type: array, items: {type: string}, x-kubernetes-list-type: atomic}");
        yield return Case("EnumIntegerWithSign", "integer | enum=\"+1,-2\"", "{type: integer, enum: [1, -2]}");
        yield return Case("LastDefaultWins", "integer | default=1 default=2", "{type: integer, default: 2}");
    }

    private static IEnumerable<TestCaseData> Errors()
    {
        yield return Bad("DefaultNotInteger", "integer | default=x", "default value must be a valid integer, got: x");
        yield return Bad("DefaultIntegerWithFraction", "integer | default=1.5", "default value must be a valid integer, got: 1.5");
        yield return Bad("DefaultNotNumber", "float | default=abc", "default value must be a valid number, got: abc");
        yield return Bad("DefaultNotBoolean", "boolean | default=yes", "default value must be a valid boolean, got: yes");
        yield return Bad("DefaultArrayNotJson", "[]string | default=[a]", "default value must be valid JSON for type array, got: [a]");
        yield return Bad("EnumOnBoolean", "boolean | enum=\"true,false\"", "enum values only supported for string and integer types, got type: boolean");
        yield return Bad("EnumOnFloat", "float | enum=\"1.5\"", "enum values only supported for string and integer types, got type: number");
        yield return Bad("EnumOnArray", "[]string | enum=\"a\"", "enum values only supported for string and integer types, got type: array");
        yield return Bad("EnumEmptyItem", "string | enum=\"a,,b\"", "empty enum values are not allowed");
        yield return Bad("EnumEmptyValue", "string | enum=\"\"", "empty enum values are not allowed");
        yield return Bad("EnumIntegerNotInteger", "integer | enum=\"1,x\"", "failed to parse integer enum value: strconv.ParseInt: parsing \"x\": invalid syntax");
        yield return Bad("MinimumNotNumber", "integer | minimum=low", "failed to parse minimum enum value: strconv.ParseFloat: parsing \"low\": invalid syntax");
        yield return Bad("MinLengthOnInteger", "integer | minLength=1", "minLength marker is only valid for string types, got type: integer");
        yield return Bad("MaxLengthOnArray", "[]string | maxLength=1", "maxLength marker is only valid for string types, got type: array");
        yield return Bad("MinLengthNegative", "string | minLength=-1", "failed to parse minLength value: must not be negative, got: -1");
        yield return Bad("PatternOnInteger", "integer | pattern=\"^1$\"", "pattern marker is only valid for string types, got type: integer");
        yield return Bad("PatternDoesNotCompile", "string | pattern=\"[a-\"", null);
        yield return Bad("PatternLookahead", "string | pattern=\"^(?=a)\"", "invalid pattern regex: a lookaround assertion is not supported by RE2: \"^(?=a)\"");
        yield return Bad("PatternBackreference", "string | pattern=\"(a)\\1\"", "invalid pattern regex: a backreference is not supported by RE2: \"(a)\\\\1\"");
        yield return Bad("MinItemsOnString", "string | minItems=1", "minItems marker is only valid for array types, got type: string");
        yield return Bad("MaxItemsOnMap", "map[string]string | maxItems=1", "maxItems marker is only valid for array types, got type: object");
        yield return Bad("UniqueItemsOnString", "string | uniqueItems=true", "uniqueItems marker is only valid for array types, got type: string");
        yield return Bad("UniqueItemsThenListTypeAtomic", "[]string | uniqueItems=true listType=atomic",
            "uniqueItems=true conflicts with listType=atomic: uniqueItems requires listType=set");
        yield return Bad("ListTypeMapThenUniqueItems", "[]string | listType=atomic uniqueItems=true",
            "uniqueItems=true conflicts with listType=atomic: uniqueItems requires listType=set");
        yield return Bad("ListTypeUnknown", "[]string | listType=bag", "invalid listType value: bag, must be one of: atomic, set, map");
        yield return Bad("ListTypeOnString", "string | listType=set", "listType marker is only valid for array types, got type: string");
        yield return Bad("ListMapKeyWithoutListType", "[]object | listMapKey=name", "listMapKey set while listType is unset, listType must be set to map");
        yield return Bad("ListMapKeyWithListTypeSet", "[]object | listType=set listMapKey=name", "listMapKey set while listType is set, listType must be set to map");
        yield return Bad("ListTypeMapWithoutKeys", "[]object | listType=map", "listType=map requires at least one listMapKey");
        yield return Bad("ListMapKeyOnString", "string | listMapKey=name", "listMapKey marker is only valid for array types, got type: string");
        yield return Bad("RequiredNotBoolean", "string | required=yes", "failed to parse required marker value: strconv.ParseBool: parsing \"yes\": invalid syntax");
        yield return Bad("ImmutableNotBoolean", "string | immutable=maybe", "failed to parse immutable marker value: strconv.ParseBool: parsing \"maybe\": invalid syntax");
        yield return Bad("TrailingBarNoMarkers", "string |", "marker key '' without a value");
        yield return Bad("UniqueItemsNotBoolean", "[]string | uniqueItems=maybe", "failed to parse uniqueItems marker value: strconv.ParseBool: parsing \"maybe\": invalid syntax");
        yield return Bad("UniqueItemsNotBooleanOnString", "string | uniqueItems=maybe", "failed to parse uniqueItems marker value: strconv.ParseBool: parsing \"maybe\": invalid syntax");
        yield return Bad("PatternEmpty", "integer | pattern=\"\"", "pattern marker value cannot be empty");
        yield return Bad("MinItemsNotInteger", "[]string | minItems=two", "failed to parse minItems value: strconv.ParseInt: parsing \"two\": invalid syntax");
        yield return Bad("MaxLengthOutOfRange", "string | maxLength=99999999999999999999", "failed to parse maxLength value: strconv.ParseInt: parsing \"99999999999999999999\": value out of range");
        yield return Bad("ValidationEmpty", "string | validation=\"\"", "validation failed: the validation marker needs a CEL rule");
        yield return Bad("UnknownTypeWithMarkers", "Nope | required=true", "unknown type: Nope");
    }

    private static TestCaseData Case(string name, string spec, string schema, bool required = false) =>
        new TestCaseData(spec, schema, required).SetName($"Apply_{name}_Schema");

    private static TestCaseData Bad(string name, string spec, string? message) =>
        new TestCaseData(spec, message).SetName($"Apply_{name}_Fails");

    private static (JsonObject Schema, bool Required) Field(string spec) =>
        new SchemaTransformer(TypeRegistry.Empty).BuildField(JsonValue.Create(spec), "spec.field");

    [TestCaseSource(nameof(Effects))]
    public void Apply_Marker_OpenApiEffect(string spec, string expected, bool required)
    {
        var (schema, isRequired) = Field(spec);

        Assert.That(JsonText.Canonical(schema), Is.EqualTo(JsonText.Of(expected)));
        Assert.That(isRequired, Is.EqualTo(required));
    }

    [TestCaseSource(nameof(Errors))]
    public void Apply_InvalidMarker_FailsWithMessageAndPath(string spec, string? message)
    {
        var error = Assert.Throws<SimpleSchemaException>(() => Field(spec));

        Assert.That(error!.Path, Is.EqualTo("spec.field"));
        if (message is null)
        {
            Assert.That(error.Reason, Does.StartWith("invalid pattern regex: "));
        }
        else
        {
            Assert.That(error.Reason, Is.EqualTo(message));
        }
    }
}
