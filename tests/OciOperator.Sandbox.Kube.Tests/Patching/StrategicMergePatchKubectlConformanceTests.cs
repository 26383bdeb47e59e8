using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Patching;

namespace OciOperator.Sandbox.Kube.Tests.Patching;

/// <summary>
/// Every strategic-merge-patch table case is also run through the real <c>kubectl patch --local</c>; both results must
/// agree. Deviations, each with its reason:
/// custom kinds (kubectl refuses SMP for them, as the server answers 415), and directives inside a list item that did
/// not exist before (apimachinery copies them verbatim and the apiserver's typed decoding drops them; we strip them).
/// </summary>
public sealed class StrategicMergePatchKubectlConformanceTests
{
    private static readonly HashSet<string> Deviations = new(StringComparer.Ordinal)
    {
        "Apply_UnknownKindList_Replaced",
        "Apply_NewItemWithDirectives_DirectivesStripped",
    };

    private static IEnumerable<TestCaseData> Cases()
    {
        foreach (var data in StrategicMergePatchTests.MergeKeyCases)
        {
            var args = data.Arguments;
            yield return Case(data.TestName!, (string)args[0]!, (string)args[1]!, (string)args[2]!, (string)args[3]!);
        }

        foreach (var data in StrategicMergePatchTests.DirectiveCases)
        {
            var args = data.Arguments;
            var target = (string)args[0]!;
            var deployment = target.Contains("template", StringComparison.Ordinal);
            yield return Case(data.TestName!, deployment ? "apps/v1" : "v1", deployment ? "Deployment" : "Service", target, (string)args[1]!);
        }
    }

    private static IEnumerable<TestCaseData> ConformingCases() => Cases().Where(c => !Deviations.Contains((string)c.Arguments[0]!));

    private static TestCaseData Case(string name, string apiVersion, string kind, string target, string patch) =>
        new TestCaseData(name, apiVersion, kind, target, patch).SetName(name.Replace("Apply_", "Apply_SameAsKubectl_", StringComparison.Ordinal));

    [TestCaseSource(nameof(ConformingCases))]
    public async Task Apply_TableCase_SameResultAsKubectl(string name, string apiVersion, string kind, string target, string patch)
    {
        if (!KubectlLocalPatch.IsAvailable())
        {
            Assert.Ignore("kubectl is not installed");
        }

        var full = JsonAssert.Obj(target);
        full["apiVersion"] = apiVersion;
        full["kind"] = kind;
        var metadata = full["metadata"] as JsonObject ?? new JsonObject();
        full["metadata"] = metadata;
        metadata["name"] = "x";

        var (expected, error) = await KubectlLocalPatch.ApplyAsync(full, patch, CancellationToken.None);
        var actual = StrategicMergePatch.Apply(full, JsonAssert.Parse(patch)!, apiVersion, kind);

        Assert.That(error, Is.Empty);
        JsonAssert.AreEqual(actual, expected!.ToJsonString());
    }
}
