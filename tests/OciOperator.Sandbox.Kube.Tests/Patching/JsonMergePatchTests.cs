using OciOperator.Sandbox.Kube.Patching;

namespace OciOperator.Sandbox.Kube.Tests.Patching;

public sealed class JsonMergePatchTests
{
    // RFC 7386 Appendix A, every row.
    private static readonly TestCaseData[] Rfc7386Examples =
    [
        new TestCaseData("""{"a":"b"}""", """{"a":"c"}""", """{"a":"c"}""").SetName("Apply_Rfc7386_ReplaceMember"),
        new TestCaseData("""{"a":"b"}""", """{"b":"c"}""", """{"a":"b","b":"c"}""").SetName("Apply_Rfc7386_AddMember"),
        new TestCaseData("""{"a":"b"}""", """{"a":null}""", """{}""").SetName("Apply_Rfc7386_NullRemovesMember"),
        new TestCaseData("""{"a":"b","b":"c"}""", """{"a":null}""", """{"b":"c"}""").SetName("Apply_Rfc7386_NullRemovesOnlyThatMember"),
        new TestCaseData("""{"a":["b"]}""", """{"a":"c"}""", """{"a":"c"}""").SetName("Apply_Rfc7386_ScalarReplacesArray"),
        new TestCaseData("""{"a":"c"}""", """{"a":["b"]}""", """{"a":["b"]}""").SetName("Apply_Rfc7386_ArrayReplacesScalar"),
        new TestCaseData("""{"a":{"b":"c"}}""", """{"a":{"b":"d","c":null}}""", """{"a":{"b":"d"}}""").SetName("Apply_Rfc7386_NestedMerge"),
        new TestCaseData("""{"a":[{"b":"c"}]}""", """{"a":[1]}""", """{"a":[1]}""").SetName("Apply_Rfc7386_ArraysReplacedNotMerged"),
        new TestCaseData("""["a","b"]""", """["c","d"]""", """["c","d"]""").SetName("Apply_Rfc7386_TopLevelArrayReplaced"),
        new TestCaseData("""{"a":"b"}""", """["c"]""", """["c"]""").SetName("Apply_Rfc7386_ArrayPatchReplacesObject"),
        new TestCaseData("""{"a":"foo"}""", "null", "null").SetName("Apply_Rfc7386_NullPatchGivesNull"),
        new TestCaseData("""{"a":"foo"}""", "\"bar\"", "\"bar\"").SetName("Apply_Rfc7386_StringPatchReplaces"),
        new TestCaseData("""{"e":null}""", """{"a":1}""", """{"e":null,"a":1}""").SetName("Apply_Rfc7386_ExistingNullKept"),
        new TestCaseData("""[1,2]""", """{"a":"b","c":null}""", """{"a":"b"}""").SetName("Apply_Rfc7386_ObjectPatchOnArrayDropsNulls"),
        new TestCaseData("""{}""", """{"a":{"bb":{"ccc":null}}}""", """{"a":{"bb":{}}}""").SetName("Apply_Rfc7386_NewNestedObjectDropsNulls"),
    ];

    [TestCaseSource(nameof(Rfc7386Examples))]
    public void Apply_Rfc7386Example_GivesRfcResult(string target, string patch, string expected)
    {
        var result = JsonMergePatch.Apply(JsonAssert.Parse(target), JsonAssert.Parse(patch));

        JsonAssert.AreEqual(result, expected);
    }

    [Test]
    public void Apply_AnyPatch_LeavesInputsUntouched()
    {
        var target = JsonAssert.Obj("""{"metadata":{"labels":{"a":"1"}},"spec":{"x":1}}""");
        var patch = JsonAssert.Obj("""{"metadata":{"labels":{"a":null,"b":"2"}}}""");

        var result = JsonMergePatch.Apply(target, patch);

        JsonAssert.AreEqual(result, """{"metadata":{"labels":{"b":"2"}},"spec":{"x":1}}""");
        JsonAssert.AreEqual(target, """{"metadata":{"labels":{"a":"1"}},"spec":{"x":1}}""");
        JsonAssert.AreEqual(patch, """{"metadata":{"labels":{"a":null,"b":"2"}}}""");
    }
}
