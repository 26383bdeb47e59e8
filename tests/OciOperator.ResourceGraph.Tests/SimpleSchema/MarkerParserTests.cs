using OciOperator.ResourceGraph.SimpleSchema;

namespace OciOperator.ResourceGraph.Tests.SimpleSchema;

[TestFixture]
public sealed class MarkerParserTests
{
    private static IEnumerable<TestCaseData> ValidMarkers()
    {
        yield return Case("OneMarker", "required=true", ["required=true"]);
        yield return Case("SeveralMarkers", "default=1 minimum=1 maximum=10", ["default=1", "minimum=1", "maximum=10"]);
        yield return Case("ExtraWhitespace", "  required=true \t  default=5", ["required=true", "default=5"]);
        yield return Case("SpaceInsideKeyDropped", "min Length=1", ["minLength=1"]);
        yield return Case("QuotedValueWithSpaces", "description=\"the user name\"", ["description=the user name"]);
        yield return Case("QuotedValueWithEscapedQuote", "description=\"say \\\"hi\\\"\"", ["description=say \"hi\""]);
        yield return Case("QuotedValueWithEscapedBackslash", "pattern=\"^a\\\\d$\"", ["pattern=^a\\d$"]);
        yield return Case("QuotedValueOtherEscapesKept", "pattern=\"^\\d+\\.\\w$\"", ["pattern=^\\d+\\.\\w$"]);
        yield return Case("QuotedValueWithEquals", "validation=\"self == 'a'\"", ["validation=self == 'a'"]);
        yield return Case("QuotedValueWithPipe", "description=\"a | b\"", ["description=a | b"]);
        yield return Case("QuotedEmptyValue", "description=\"\"", ["description="]);
        yield return Case("BareEmptyValue", "default=", ["default="]);
        yield return Case("ArrayValueWithSpaces", "default=[\"a\", \"b\"] required=false", ["default=[\"a\", \"b\"]", "required=false"]);
        yield return Case("ObjectValueWithSpaces", "default={\"k\": \"v w\"}", ["default={\"k\": \"v w\"}"]);
        yield return Case("NestedBrackets", "default={\"a\": [1, {\"b\": 2}]} minItems=1", ["default={\"a\": [1, {\"b\": 2}]}", "minItems=1"]);
        yield return Case("BracketInsideQuotedString", "default=[\"a]\", \"{\"]", ["default=[\"a]\", \"{\"]"]);
        yield return Case("EqualsInBareValue", "validation=self==oldSelf", ["validation=self==oldSelf"]);
        yield return Case("RepeatedMarker", "listMapKey=a listMapKey=b", ["listMapKey=a", "listMapKey=b"]);
        yield return Case("EscapedQuotesAndNewlineKept", "description=\"has \\\"quotes\\\" and a \\n newline\" default=\"\\\"quoted\\\"\"",
            ["description=has \"quotes\" and a \\n newline", "default=\"quoted\""]);
        yield return Case("BracketValueNotCheckedAsJson", "default=[\"key\": \"value\"] required=true", ["default=[\"key\": \"value\"]", "required=true"]);
        yield return Case("EqualsInsideQuotedValue", "validation=\"oldself=self\" required=true", ["validation=oldself=self", "required=true"]);
        yield return Case("CommaEnum", "enum=\"a,b, c\"", ["enum=a,b, c"]);
    }

    private static IEnumerable<TestCaseData> InvalidMarkers()
    {
        yield return Bad("KeyWithoutValue", "required", "marker key 'required' without a value");
        yield return Bad("SpacesAroundEquals", "default = 5", "marker key '5' without a value");
        yield return Bad("EmptyString", "", "marker key '' without a value");
        yield return Bad("OnlySpaces", "   ", "marker key '' without a value");
        yield return Bad("TrailingWhitespace", "required=true ", "marker key '' without a value");
        yield return Bad("UnmatchedClosingBracket", "default=1]", "unmatched closing bracket/brace");
        yield return Bad("SecondTokenWithoutValue", "required=true optional", "marker key 'optional' without a value");
        yield return Bad("UnknownMarker", "foo=bar", "invalid marker key \"foo\": unknown marker: foo");
        yield return Bad("MarkerKeyIsCaseSensitive", "Required=true", "invalid marker key \"Required\": unknown marker: Required");
        yield return Bad("EmptyKey", "=x", "empty marker key");
        yield return Bad("UnclosedQuote", "description=\"abc", "unclosed quote");
        yield return Bad("UnclosedQuoteEndingInEscape", "description=\"abc\\\"", "unclosed quote");
        yield return Bad("UnclosedBracket", "default=[1, 2", "unclosed bracket/brace");
        yield return Bad("UnclosedBrace", "default={\"a\": 1", "unclosed bracket/brace");
    }

    private static TestCaseData Case(string name, string markers, string[] expected) =>
        new TestCaseData(markers, expected).SetName($"Parse_{name}_Markers");

    private static TestCaseData Bad(string name, string markers, string message) =>
        new TestCaseData(markers, message).SetName($"Parse_{name}_Fails");

    [TestCaseSource(nameof(ValidMarkers))]
    public void Parse_ValidMarkers_KeysAndUnquotedValues(string markers, string[] expected)
    {
        var parsed = MarkerParser.Parse(markers);

        Assert.That(parsed.Select(m => $"{m.Key}={m.Value}"), Is.EqualTo(expected));
    }

    [TestCaseSource(nameof(InvalidMarkers))]
    public void Parse_InvalidMarkers_FailsWithKroMessage(string markers, string message)
    {
        var error = Assert.Throws<SimpleSchemaException>(() => MarkerParser.Parse(markers));

        Assert.That(error!.Reason, Is.EqualTo(message));
    }
}
