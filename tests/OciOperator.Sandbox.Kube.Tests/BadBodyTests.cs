using System.Text;
using OciOperator.Sandbox.Kube.Tests.Support;

namespace OciOperator.Sandbox.Kube.Tests;

/// <summary>
/// Every malformed body, sent to every verb that reads one, is answered with a 4xx Status (never a 500, never a
/// dropped connection), and the server keeps serving afterwards.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class BadBodyTests : KubeServerTest
{
    private const string ConfigMaps = "/api/v1/namespaces/default/configmaps";

    protected override async Task OnServerStartedAsync() =>
        await Server.SendAsync(HttpMethod.Post, ConfigMaps, "{\"metadata\":{\"name\":\"cm\"}}");

    /// <summary>A YAML "billion laughs": ten levels of ten aliases each (10^10 scalars if expanded), under 1 KiB.</summary>
    internal static string AliasBomb()
    {
        var sb = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bomb\nl0: &l0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var i = 1; i < 10; i++)
        {
            sb.Append('l').Append(i).Append(": &l").Append(i).Append(" [")
                .Append(string.Join(",", Enumerable.Repeat("*l" + (i - 1), 10))).Append("]\n");
        }

        return sb.ToString();
    }

    /// <summary>One 64 KiB anchored string referred to 200 times: few aliases, but a 12 MiB expansion.</summary>
    internal static string WideAliases()
    {
        var sb = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: wide\ndata:\n  a: &big \"")
            .Append('x', 64 * 1024).Append("\"\n");
        for (var i = 0; i < 200; i++)
        {
            sb.Append("  k").Append(i).Append(": *big\n");
        }

        return sb.ToString();
    }

    private static IEnumerable<(string Name, string Body, string? ContentType)> Bodies()
    {
        yield return ("MalformedJson", "{\"metadata\":", "application/json");
        yield return ("DuplicateJsonKeys", "{\"metadata\":{\"name\":\"cm\",\"name\":\"cm\"}}", "application/json");
        yield return ("DuplicateTopLevelKeys", "{\"metadata\":{\"name\":\"cm\"},\"data\":{},\"data\":{}}", "application/json");
        yield return ("NulByteInJson", "{\"metadata\":{\"name\":\"cm\"}}\u0000", "application/json");
        yield return ("YamlWithTabs", "metadata:\n\tname: cm\n", "application/yaml");
        yield return ("YamlTabIndentedValue", "metadata:\n  name: cm\ndata:\n\t\tkey: v\n", "application/yaml");
        yield return ("YamlAliasBomb", AliasBomb(), "application/yaml");
        yield return ("YamlWideAliases", WideAliases(), "application/yaml");
        yield return ("YamlDuplicateKeys", "metadata:\n  name: cm\n  name: cm\n", "application/yaml");
        yield return ("YamlTwoDocuments", "metadata:\n  name: cm\n---\nmetadata:\n  name: cm\n", "application/yaml");
        yield return ("YamlNulByte", "metadata:\n  name: cm\u0000\n", "application/yaml");
        yield return ("YamlUnclosedFlow", "metadata: {name: cm", "application/yaml");
        yield return ("YamlComplexKey", "? [a, b]\n: c\n", "application/yaml");
        yield return ("JsonNumberTooLarge", "{\"metadata\":{\"name\":\"cm\",\"generation\":1e400}}", "application/json");
        yield return ("JsonScalarBody", "42", "application/json");
        yield return ("JsonNullBody", "null", "application/json");
        yield return ("JsonStringBody", "\"cm\"", "application/json");
        yield return ("NoContentType", "{\"metadata\":{\"name\":\"cm\"}}", null);
    }

    private static IEnumerable<TestCaseData> Cases()
    {
        foreach (var (name, body, contentType) in Bodies())
        {
            yield return new TestCaseData("POST", ConfigMaps, body, contentType).SetName($"Post_{name}_4xxStatus");
            yield return new TestCaseData("PUT", ConfigMaps + "/cm", body, contentType).SetName($"Put_{name}_4xxStatus");
            var patchType = contentType is "application/yaml" ? "application/apply-patch+yaml" : contentType is null ? null : "application/merge-patch+json";
            var patchPath = ConfigMaps + "/cm" + (patchType is "application/apply-patch+yaml" ? "?fieldManager=test" : "");
            yield return new TestCaseData("PATCH", patchPath, body, patchType).SetName($"Patch_{name}_4xxStatus");
        }

        yield return new TestCaseData("DELETE", ConfigMaps + "/cm", "{\"propagationPolicy\":\"Orphan\",\"propagationPolicy\":\"Orphan\"}", "application/json").SetName("Delete_DuplicateJsonKeys_4xxStatus");
        yield return new TestCaseData("DELETE", ConfigMaps + "/cm", "{\"kind\":", "application/json").SetName("Delete_MalformedJson_4xxStatus");
        yield return new TestCaseData("DELETE", ConfigMaps + "/cm", "[1]", "application/json").SetName("Delete_ArrayBody_4xxStatus");
        yield return new TestCaseData("PATCH", ConfigMaps + "/cm", "[{\"op\":\"add\",\"path\":\"/data\",\"value\":{},\"op\":\"add\"}]", "application/json-patch+json").SetName("Patch_JsonPatchDuplicateKeys_4xxStatus");
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Request_BadBody_Answers4xxStatus(string method, string path, string body, string? contentType)
    {
        var (code, status, response) = await Server.SendAsync(new HttpMethod(method), path, body, contentType);
        var (after, _, _) = await Server.SendAsync(HttpMethod.Get, ConfigMaps + "/cm");

        Assert.That(code, Is.InRange(400, 499), status?.ToJsonString());
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        Assert.That(status?["kind"]?.GetValue<string>(), Is.EqualTo("Status"));
        Assert.That(status?["code"]?.GetValue<int>(), Is.EqualTo(code));
        Assert.That(after, Is.EqualTo(200), "the server still serves, and the object is still there");
    }

    [Test]
    public async Task Post_YamlAliasBomb_400ExcessiveAliasing()
    {
        var (code, status, _) = await Server.SendAsync(HttpMethod.Post, ConfigMaps, AliasBomb(), "application/yaml");

        Assert.That(code, Is.EqualTo(400));
        Assert.That(status?["reason"]?.GetValue<string>(), Is.EqualTo("BadRequest"));
        Assert.That(status?["message"]?.GetValue<string>(), Does.Contain("excessive aliasing"));
    }

    [Test]
    public async Task Post_YamlWithFewSmallAliases_Accepted()
    {
        const string yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: anchors\n  labels: &l {app: web}\n  annotations: *l\ndata:\n  a: &v hello\n  b: *v\n";

        var (code, body, _) = await Server.SendAsync(HttpMethod.Post, ConfigMaps, yaml, "application/yaml");

        Assert.That(code, Is.EqualTo(201), body?.ToJsonString());
        Assert.That(body!["data"]!["b"]!.GetValue<string>(), Is.EqualTo("hello"));
        Assert.That(body["metadata"]!["annotations"]!["app"]!.GetValue<string>(), Is.EqualTo("web"));
    }

    [Test]
    public async Task Post_DuplicateJsonKeys_400NamesTheKey()
    {
        var (code, status, _) = await Server.SendAsync(HttpMethod.Post, ConfigMaps, "{\"metadata\":{\"name\":\"a\"},\"data\":{\"k\":\"1\",\"k\":\"2\"}}");

        Assert.That(code, Is.EqualTo(400));
        Assert.That(status?["message"]?.GetValue<string>(), Does.Contain("duplicate"));
    }

    [Test]
    public async Task Post_NoContentType_415LikeTheApiServer()
    {
        var (code, status, _) = await Server.SendAsync(HttpMethod.Post, ConfigMaps, "{\"metadata\":{\"name\":\"a\"}}", contentType: null);

        Assert.That(code, Is.EqualTo(415));
        Assert.That(status?["reason"]?.GetValue<string>(), Is.EqualTo("UnsupportedMediaType"));
    }

    [TestCase("a%20in%20()", TestName = "List_EmptyInSet_400")]
    [TestCase("a%20notin%20()", TestName = "List_EmptyNotInSet_400")]
    [TestCase("a%20in%20(%20)", TestName = "List_BlankInSet_400")]
    [TestCase("a%3Db%00", TestName = "List_NulInLabelValue_400")]
    [TestCase("a%00%3Db", TestName = "List_NulInLabelKey_400")]
    [TestCase("a%20in%20(b%00)", TestName = "List_NulInSetValue_400")]
    public async Task List_BadLabelSelector_400(string selector)
    {
        var (code, status, _) = await Server.SendAsync(HttpMethod.Get, ConfigMaps + "?labelSelector=" + selector);
        var (watch, _, _) = await Server.SendAsync(HttpMethod.Get, ConfigMaps + "?watch=true&timeoutSeconds=1&labelSelector=" + selector);

        Assert.That(code, Is.EqualTo(400), status?.ToJsonString());
        Assert.That(status?["reason"]?.GetValue<string>(), Is.EqualTo("BadRequest"));
        Assert.That(watch, Is.EqualTo(400));
    }

    [TestCase("metadata.name%3Da%00", TestName = "List_NulInFieldSelector_400")]
    public async Task List_BadFieldSelector_400(string selector)
    {
        var (code, status, _) = await Server.SendAsync(HttpMethod.Get, ConfigMaps + "?fieldSelector=" + selector);

        Assert.That(code, Is.EqualTo(400), status?.ToJsonString());
    }
}
