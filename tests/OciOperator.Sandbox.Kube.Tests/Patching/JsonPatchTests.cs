using OciOperator.Sandbox.Kube.Patching;

namespace OciOperator.Sandbox.Kube.Tests.Patching;

public sealed class JsonPatchTests
{
    // RFC 6902 Appendix A: the examples that succeed.
    private static readonly TestCaseData[] Rfc6902Successes =
    [
        new TestCaseData("""{"foo":"bar"}""", """[{"op":"add","path":"/baz","value":"qux"}]""", """{"baz":"qux","foo":"bar"}""")
            .SetName("Apply_A1_AddObjectMember"),
        new TestCaseData("""{"foo":["bar","baz"]}""", """[{"op":"add","path":"/foo/1","value":"qux"}]""", """{"foo":["bar","qux","baz"]}""")
            .SetName("Apply_A2_AddArrayElement"),
        new TestCaseData("""{"baz":"qux","foo":"bar"}""", """[{"op":"remove","path":"/baz"}]""", """{"foo":"bar"}""")
            .SetName("Apply_A3_RemoveObjectMember"),
        new TestCaseData("""{"foo":["bar","qux","baz"]}""", """[{"op":"remove","path":"/foo/1"}]""", """{"foo":["bar","baz"]}""")
            .SetName("Apply_A4_RemoveArrayElement"),
        new TestCaseData("""{"baz":"qux","foo":"bar"}""", """[{"op":"replace","path":"/baz","value":"boo"}]""", """{"baz":"boo","foo":"bar"}""")
            .SetName("Apply_A5_ReplaceValue"),
        new TestCaseData(
                """{"foo":{"bar":"baz","waldo":"fred"},"qux":{"corge":"grault"}}""",
                """[{"op":"move","from":"/foo/waldo","path":"/qux/thud"}]""",
                """{"foo":{"bar":"baz"},"qux":{"corge":"grault","thud":"fred"}}""")
            .SetName("Apply_A6_MoveValue"),
        new TestCaseData(
                """{"foo":["all","grass","cows","eat"]}""",
                """[{"op":"move","from":"/foo/1","path":"/foo/3"}]""",
                """{"foo":["all","cows","eat","grass"]}""")
            .SetName("Apply_A7_MoveArrayElement"),
        new TestCaseData(
                """{"baz":"qux","foo":["a",2,"c"]}""",
                """[{"op":"test","path":"/baz","value":"qux"},{"op":"test","path":"/foo/1","value":2}]""",
                """{"baz":"qux","foo":["a",2,"c"]}""")
            .SetName("Apply_A8_TestSuccess"),
        new TestCaseData("""{"foo":"bar"}""", """[{"op":"add","path":"/child","value":{"grandchild":{}}}]""", """{"foo":"bar","child":{"grandchild":{}}}""")
            .SetName("Apply_A10_AddNestedMemberObject"),
        new TestCaseData("""{"foo":"bar"}""", """[{"op":"add","path":"/baz","value":"qux","xyz":123}]""", """{"foo":"bar","baz":"qux"}""")
            .SetName("Apply_A11_UnrecognizedMembersIgnored"),
        new TestCaseData("""{"/":9,"~1":10}""", """[{"op":"test","path":"/~01","value":10}]""", """{"/":9,"~1":10}""")
            .SetName("Apply_A14_EscapeOrdering"),
        new TestCaseData("""{"foo":["bar"]}""", """[{"op":"add","path":"/foo/-","value":["abc","def"]}]""", """{"foo":["bar",["abc","def"]]}""")
            .SetName("Apply_A16_AddArrayValueWithDashIndex"),
        new TestCaseData("""{"a/b":{"c":1}}""", """[{"op":"copy","from":"/a~1b/c","path":"/d"}]""", """{"a/b":{"c":1},"d":1}""")
            .SetName("Apply_CopyWithSlashEscape_CopiesValue"),
        new TestCaseData("""{"a":1}""", """[{"op":"replace","path":"","value":{"b":2}}]""", """{"b":2}""")
            .SetName("Apply_ReplaceRoot_ReplacesDocument"),
        new TestCaseData("""{"a":{"n":1.0}}""", """[{"op":"test","path":"/a/n","value":1}]""", """{"a":{"n":1.0}}""")
            .SetName("Apply_TestNumbersByValue_Succeeds"),
        new TestCaseData(
                """{"metadata":{"finalizers":["a","b"]}}""",
                """[{"op":"remove","path":"/metadata/finalizers/0"},{"op":"add","path":"/metadata/labels","value":{"x":"y"}}]""",
                """{"metadata":{"finalizers":["b"],"labels":{"x":"y"}}}""")
            .SetName("Apply_KubectlStyleFinalizerRemoval_RemovesFirst"),
    ];

    // RFC 6902 Appendix A errors, plus the failure modes the apiserver reports as 422.
    private static readonly TestCaseData[] Rfc6902Failures =
    [
        new TestCaseData("""{"baz":"qux"}""", """[{"op":"test","path":"/baz","value":"bar"}]""").SetName("Apply_A9_TestFails"),
        new TestCaseData("""{"foo":"bar"}""", """[{"op":"add","path":"/baz/bat","value":"qux"}]""").SetName("Apply_A12_AddToNonexistentTarget"),
        new TestCaseData("""{"/":9,"~1":10}""", """[{"op":"test","path":"/~01","value":"10"}]""").SetName("Apply_A15_StringIsNotNumber"),
        new TestCaseData("""{"a":1}""", """[{"op":"remove","path":"/b"}]""").SetName("Apply_RemoveMissing_Fails"),
        new TestCaseData("""{"a":1}""", """[{"op":"replace","path":"/b","value":2}]""").SetName("Apply_ReplaceMissing_Fails"),
        new TestCaseData("""{"a":[1]}""", """[{"op":"add","path":"/a/5","value":2}]""").SetName("Apply_AddIndexOutOfBounds_Fails"),
        new TestCaseData("""{"a":[1]}""", """[{"op":"add","path":"/a/01","value":2}]""").SetName("Apply_LeadingZeroIndex_Fails"),
        new TestCaseData("""{"a":[1]}""", """[{"op":"replace","path":"/a/-","value":2}]""").SetName("Apply_ReplaceDashIndex_Fails"),
        new TestCaseData("""{"a":{"b":1}}""", """[{"op":"move","from":"/a","path":"/a/b/c"}]""").SetName("Apply_MoveIntoOwnChild_Fails"),
        new TestCaseData("""{"a":1}""", """[{"op":"copy","from":"/x","path":"/b"}]""").SetName("Apply_CopyFromMissing_Fails"),
        new TestCaseData("""{"a":1}""", """[{"op":"frobnicate","path":"/a"}]""").SetName("Apply_UnknownOp_Fails"),
        new TestCaseData("""{"a":1}""", """[{"op":"add","path":"/b"}]""").SetName("Apply_AddWithoutValue_Fails"),
        new TestCaseData("""{"a":1}""", """[{"op":"add","path":"b","value":1}]""").SetName("Apply_PointerWithoutSlash_Fails"),
        new TestCaseData("""{"a":1}""", """[{"op":"add","path":"/~2","value":1}]""").SetName("Apply_BadEscape_Fails"),
    ];

    [TestCaseSource(nameof(Rfc6902Successes))]
    public void Apply_ValidOperations_GiveRfcResult(string target, string operations, string expected)
    {
        var result = JsonPatch.Apply(JsonAssert.Parse(target)!, JsonAssert.Parse(operations)!);

        JsonAssert.AreEqual(result, expected);
    }

    [TestCaseSource(nameof(Rfc6902Failures))]
    public void Apply_InapplicableOperation_Throws422AndLeavesTargetUntouched(string target, string operations)
    {
        var document = JsonAssert.Parse(target)!;

        var error = Assert.Throws<PatchException>(() => JsonPatch.Apply(document, JsonAssert.Parse(operations)!));

        Assert.That(error!.StatusCode, Is.EqualTo(422));
        JsonAssert.AreEqual(document, target);
    }

    [Test]
    public void Apply_A13_DuplicateOpMember_Throws400()
    {
        var error = Assert.Throws<PatchException>(() =>
            JsonPatch.Parse("""[{ "op": "add", "path": "/baz", "value": "qux", "op": "remove" }]"""));

        Assert.That(error!.StatusCode, Is.EqualTo(400));
    }

    [TestCase("""{"op":"add","path":"/a","value":1}""")]
    [TestCase("""[1]""")]
    [TestCase("""not json""")]
    public void Parse_NotAListOfOperations_Throws400(string body)
    {
        var error = Assert.Throws<PatchException>(() => JsonPatch.Apply(JsonAssert.Parse("{}")!, JsonPatch.Parse(body)));

        Assert.That(error!.StatusCode, Is.EqualTo(400));
    }

    [Test]
    public void Apply_LaterOperationFails_EarlierOperationsNotVisible()
    {
        var document = JsonAssert.Obj("""{"a":1}""");
        var operations = JsonAssert.Parse("""[{"op":"add","path":"/b","value":2},{"op":"remove","path":"/zzz"}]""")!;

        Assert.Throws<PatchException>(() => JsonPatch.Apply(document, operations));

        JsonAssert.AreEqual(document, """{"a":1}""");
    }
}
