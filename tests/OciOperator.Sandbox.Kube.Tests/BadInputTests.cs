using OciOperator.Sandbox.Kube.Tests.Support;

namespace OciOperator.Sandbox.Kube.Tests;

/// <summary>Bad input always gets the right 4xx Status, never a 500 or a dropped connection.</summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class BadInputTests : KubeServerTest
{
    protected override async Task OnServerStartedAsync()
    {
        await Server.SendAsync(HttpMethod.Post, "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", TestManifests.WidgetCrd, "application/yaml");
        await Server.SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/configmaps", "{\"metadata\":{\"name\":\"cm\"}}");
    }


    private static IEnumerable<TestCaseData> Cases()
    {
        const string cms = "/api/v1/namespaces/default/configmaps";
        yield return new TestCaseData("POST", cms, "{\"metadata\":", "application/json", 400, "BadRequest").SetName("Post_MalformedJson_400");
        yield return new TestCaseData("POST", cms, "metadata: [unclosed", "application/yaml", 400, "BadRequest").SetName("Post_MalformedYaml_400");
        yield return new TestCaseData("POST", cms, "[1,2]", "application/json", 400, "BadRequest").SetName("Post_JsonArrayBody_400");
        yield return new TestCaseData("POST", cms, "{\"kind\":\"Secret\",\"metadata\":{\"name\":\"x\"}}", "application/json", 400, "BadRequest").SetName("Post_WrongKind_400");
        yield return new TestCaseData("POST", cms, "{\"metadata\":\"x\"}", "application/json", 400, "BadRequest").SetName("Post_MetadataNotObject_400");
        yield return new TestCaseData("POST", cms, "{\"metadata\":{\"name\":\"UPPER\"}}", "application/json", 422, "Invalid").SetName("Post_InvalidName_422");
        yield return new TestCaseData("POST", cms, "{\"metadata\":{}}", "application/json", 422, "Invalid").SetName("Post_NoName_422");
        yield return new TestCaseData("POST", cms, "{\"metadata\":{\"name\":\"x\",\"labels\":{\"bad key!\":\"v\"}}}", "application/json", 422, "Invalid").SetName("Post_InvalidLabelKey_422");
        yield return new TestCaseData("POST", cms, "<xml/>", "application/xml", 415, "UnsupportedMediaType").SetName("Post_UnknownContentType_415");
        yield return new TestCaseData("POST", "/api/v1/namespaces/default/gizmos", "{}", "application/json", 404, "NotFound").SetName("Post_UnknownKind_404");
        yield return new TestCaseData("GET", "/apis/example.com/v9/namespaces/default/widgets", null, "application/json", 404, "NotFound").SetName("Get_UnknownVersion_404");
        yield return new TestCaseData("GET", "/apis/nope.io/v1/things", null, "application/json", 404, "NotFound").SetName("Get_UnknownGroup_404");
        yield return new TestCaseData("GET", "/nothing/here", null, "application/json", 404, "NotFound").SetName("Get_UnknownPath_404");
        yield return new TestCaseData("GET", cms + "/missing", null, "application/json", 404, "NotFound").SetName("Get_MissingObject_404");
        yield return new TestCaseData("GET", cms + "?labelSelector=a%20in%20(", null, "application/json", 400, "BadRequest").SetName("List_BadLabelSelector_400");
        yield return new TestCaseData("GET", cms + "?limit=abc", null, "application/json", 400, "BadRequest").SetName("List_BadLimit_400");
        yield return new TestCaseData("GET", cms + "?continue=%%%", null, "application/json", 400, "BadRequest").SetName("List_BadContinue_400");
        yield return new TestCaseData("GET", cms + "?resourceVersionMatch=Exact", null, "application/json", 422, "Invalid").SetName("List_MatchWithoutResourceVersion_422");
        yield return new TestCaseData("GET", cms + "?watch=true&resourceVersion=abc", null, "application/json", 400, "BadRequest").SetName("Watch_BadResourceVersion_400");
        yield return new TestCaseData("PUT", cms + "/cm", "{\"metadata\":{\"name\":\"other\"}}", "application/json", 400, "BadRequest").SetName("Put_NameMismatch_400");
        yield return new TestCaseData("PUT", cms + "/cm", "{\"metadata\":{\"name\":\"cm\",\"namespace\":\"kube-system\"}}", "application/json", 400, "BadRequest").SetName("Put_NamespaceMismatch_400");
        yield return new TestCaseData("PATCH", cms + "/cm", "{}", "text/plain", 415, "UnsupportedMediaType").SetName("Patch_UnknownPatchType_415");
        yield return new TestCaseData("PATCH", cms + "/cm", "[{\"op\":\"explode\",\"path\":\"/a\"}]", "application/json-patch+json", 422, "Invalid").SetName("Patch_BadJsonPatchOp_422");
        yield return new TestCaseData("PATCH", cms + "/cm", "{not json", "application/merge-patch+json", 400, "BadRequest").SetName("Patch_MalformedMergePatch_400");
        yield return new TestCaseData("PATCH", cms + "/cm?force=true", "{}", "application/merge-patch+json", 422, "Invalid").SetName("Patch_ForceOnNonApply_422");
        yield return new TestCaseData("PATCH", cms + "/missing", "{}", "application/merge-patch+json", 404, "NotFound").SetName("Patch_MissingObject_404");
        yield return new TestCaseData("PATCH", "/apis/example.com/v1/namespaces/default/widgets/w", "{}", "application/strategic-merge-patch+json", 415, "UnsupportedMediaType").SetName("Patch_StrategicOnCustomResource_415");
        yield return new TestCaseData("POST", "/apis/example.com/v1/namespaces/default/widgets", "{\"apiVersion\":\"example.com/v1\",\"kind\":\"Widget\",\"metadata\":{\"name\":\"w\"},\"spec\":{\"color\":7}}", "application/json", 422, "Invalid").SetName("Post_WidgetWrongType_422");
        yield return new TestCaseData("POST", "/api/v1/namespaces/default/secrets", "{\"metadata\":{\"name\":\"s\"},\"data\":{\"k\":\"!!!notbase64\"}}", "application/json", 400, "BadRequest").SetName("Post_SecretBadBase64_400");
        yield return new TestCaseData("DELETE", cms + "/cm", "{\"propagationPolicy\":\"Sideways\"}", "application/json", 422, "Invalid").SetName("Delete_UnknownPropagation_422");
        yield return new TestCaseData("POST", "/api/v1/namespaces", "{\"metadata\":{\"name\":\"a.b\"}}", "application/json", 422, "Invalid").SetName("Post_NamespaceWithDot_422");
        yield return new TestCaseData("POST", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", "{\"metadata\":{\"name\":\"x.example.com\"},\"spec\":{\"group\":\"example.com\",\"names\":{\"plural\":\"y\",\"kind\":\"Y\"},\"scope\":\"Namespaced\",\"versions\":[{\"name\":\"v1\",\"served\":true,\"storage\":true}]}}", "application/json", 422, "Invalid").SetName("Post_CrdNameMismatch_422");
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Request_BadInput_AnswersStatus(string method, string path, string? body, string contentType, int code, string reason)
    {
        var (actual, status, response) = await Server.SendAsync(new HttpMethod(method), path, body, contentType);

        Assert.That(actual, Is.EqualTo(code), status?.ToJsonString());
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        Assert.That(status!["kind"]!.GetValue<string>(), Is.EqualTo("Status"));
        Assert.That(status["status"]!.GetValue<string>(), Is.EqualTo("Failure"));
        Assert.That(status["reason"]!.GetValue<string>(), Is.EqualTo(reason));
        Assert.That(status["code"]!.GetValue<int>(), Is.EqualTo(code));
    }

    [Test]
    public async Task Post_BodyOver3MiB_413()
    {
        var big = "{\"metadata\":{\"name\":\"big\"},\"data\":{\"k\":\"" + new string('a', (3 * 1024 * 1024) + 10) + "\"}}";

        var (code, status, _) = await Server.SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/configmaps", big);

        Assert.That(code, Is.EqualTo(413));
        Assert.That(status!["message"]!.GetValue<string>(), Is.EqualTo("Request entity too large: limit is 3145728"));
    }

    [Test]
    public async Task Post_DeeplyNestedJson_400NotCrash()
    {
        var deep = "{\"metadata\":{\"name\":\"d\"},\"data\":" + new string('[', 5000) + new string(']', 5000) + "}";

        var (code, _, _) = await Server.SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/configmaps", deep);
        var (after, _, _) = await Server.SendAsync(HttpMethod.Get, "/api/v1/namespaces/default/configmaps");

        Assert.That(code, Is.EqualTo(400));
        Assert.That(after, Is.EqualTo(200));
    }
}
