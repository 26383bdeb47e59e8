using OciOperator.Sandbox.Kube.Tests.Support;

namespace OciOperator.Sandbox.Kube.Tests.Validation;

/// <summary>
/// CRD validation rules (<c>x-kubernetes-validations</c>) through the real kubectl: each rule shape accepted and
/// refused as the apiserver does, with its message at its field path in a 422 Invalid.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class KubectlCrdValidationRulesTests : KubectlFixture
{
    private const string Base = "externalRef: {name: db}";

    /// <summary>(case name, widget to create, expected error fragment or null when it must be accepted).</summary>
    private static IEnumerable<TestCaseData> CreateCases()
    {
        static TestCaseData Case(string name, string widget, string? error) => new TestCaseData(widget, error).SetName("Create_" + name);
        yield return Case("ValidWidget_Accepted", RuleTestManifests.Widget("w-ok", Base, "minReplicas: 1", "maxReplicas: 3", "size: 2Gi", "phase: Pending", "tags: [a, b]", "address: 10.0.0.1"), null);
        yield return Case("RootRuleOnMetadataName_Refused", RuleTestManifests.Widget("bad", Base), "The Widget \"bad\" is invalid: <nil>: Invalid value: name must start with w-");
        yield return Case("ObjectRuleWithMessageExpression_Refused", RuleTestManifests.Widget("w-a", Base, "minReplicas: 5", "maxReplicas: 3"), "spec: Invalid value: minReplicas (5) must not exceed maxReplicas (3)");
        yield return Case("ExactlyOneOfTemplateOrExternalRef_NeitherRefused", RuleTestManifests.Widget("w-a", "owner: me"), "spec: Invalid value: exactly one of template or externalRef must be set");
        yield return Case("ExactlyOneOfTemplateOrExternalRef_BothRefused", RuleTestManifests.Widget("w-a", Base, "template: {kind: X}"), "spec: Invalid value: exactly one of template or externalRef must be set");
        yield return Case("ReasonForbiddenWithFieldPath_Refused", RuleTestManifests.Widget("w-a", Base, "owner: root"), "spec.owner: Forbidden: root may not own widgets");
        yield return Case("RuleWithoutMessage_FailedRuleText", RuleTestManifests.Widget("w-a", Base, "minReplicas: 200"), "spec: Invalid value: failed rule: self.minReplicas < 100");
        yield return Case("ScalarRuleRegex_RefusedWithValue", RuleTestManifests.Widget("w-a", Base, "size: 10Mi"), "spec.size: Invalid value: \"10Mi\": size must be in Gi");
        yield return Case("QuantityLibrary_Refused", RuleTestManifests.Widget("w-a", Base, "size: 0Gi"), "spec.size: Invalid value: \"0Gi\": size must be at least 1Gi");
        yield return Case("OptionalOldSelfOnCreate_Refused", RuleTestManifests.Widget("w-a", Base, "phase: Running"), "spec.phase: Invalid value: \"Running\": a new widget starts Pending");
        yield return Case("ListRule_Refused", RuleTestManifests.Widget("w-a", Base, "tags: [a, B]"), "spec.tags: Invalid value: tags must be lowercase");
        yield return Case("ListsLibraryIsSorted_Refused", RuleTestManifests.Widget("w-a", Base, "tags: [b, a]"), "spec.tags: Invalid value: tags must be sorted");
        yield return Case("MapRule_Refused", RuleTestManifests.Widget("w-a", Base, "labels: {averyverylongkey: x}"), "spec.labels: Invalid value: label keys are at most 10 characters");
        yield return Case("IpLibrary_Refused", RuleTestManifests.Widget("w-a", Base, "address: '::1'"), "spec.address: Invalid value: \"::1\": address must be an IPv4 address");
        yield return Case("TransitionRuleOnCreate_NotEvaluated", RuleTestManifests.Widget("w-a", Base, "kind: Database", "ports: [{name: http, port: 80}]"), null);
    }

    /// <summary>(case name, first widget, update, expected error fragment or null when the update must be accepted).</summary>
    private static IEnumerable<TestCaseData> UpdateCases()
    {
        static TestCaseData Case(string name, string[] before, string[] after, string? error) => new TestCaseData(before, after, error).SetName("Update_" + name);
        yield return Case("ImmutableKindUnchanged_Accepted", [Base, "kind: Database"], [Base, "kind: Database", "minReplicas: 2"], null);
        yield return Case("ImmutableKindChanged_Refused", [Base, "kind: Database"], [Base, "kind: Cache"], "spec.kind: Invalid value: \"Cache\": kind is immutable");
        yield return Case("ImmutableKindAdded_NotEvaluated", [Base], [Base, "kind: Cache"], null);
        yield return Case("OptionalOldSelfOnUpdate_Accepted", [Base, "phase: Pending"], [Base, "phase: Running"], null);
        yield return Case("ListMapItemTransition_Refused", [Base, "ports: [{name: http, port: 80}]"], [Base, "ports: [{name: http, port: 79}]"], "spec.ports[0]: Invalid value: a port may only grow");
        yield return Case("ListMapItemTransitionNewKey_NotEvaluated", [Base, "ports: [{name: http, port: 80}]"], [Base, "ports: [{name: http, port: 80}, {name: admin, port: 1}]"], null);
    }

    [TestCaseSource(nameof(CreateCases))]
    public async Task Create(string widget, string? error)
    {
        await InstallCrdAsync();

        var result = await Kubectl.RunAsync("create", "-f", Kubectl.WriteFile("widget.yaml", widget));

        AssertOutcome(result, error);
    }

    [TestCaseSource(nameof(UpdateCases))]
    public async Task Update(string[] before, string[] after, string? error)
    {
        await InstallCrdAsync();
        var first = await Kubectl.RunAsync("apply", "-f", Kubectl.WriteFile("before.yaml", RuleTestManifests.Widget("w-up", before)));
        Assert.That(first.ExitCode, Is.EqualTo(0), first.ToString());

        var result = await Kubectl.RunAsync("apply", "-f", Kubectl.WriteFile("after.yaml", RuleTestManifests.Widget("w-up", after)));

        AssertOutcome(result, error);
    }

    [Test]
    public async Task PatchStatus_RuleOnStatusFalse_RefusedAtStatusPath()
    {
        await InstallCrdAsync();
        await Ok("apply", "-f", Kubectl.WriteFile("w.yaml", RuleTestManifests.Widget("w-st", Base)));

        var refused = await Kubectl.RunAsync("patch", "widget", "w-st", "--subresource=status", "--type=merge", "-p", "{\"status\":{\"ready\":-1}}");
        var accepted = await Kubectl.RunAsync("patch", "widget", "w-st", "--subresource=status", "--type=merge", "-p", "{\"status\":{\"ready\":2}}");

        AssertOutcome(refused, "status.ready: Invalid value: -1: ready must not be negative");
        AssertOutcome(accepted, null);
    }

    [Test]
    public async Task ServerSideApply_TransitionRuleFalse_Refused()
    {
        await InstallCrdAsync();
        await Ok("apply", "--server-side", "-f", Kubectl.WriteFile("a.yaml", RuleTestManifests.Widget("w-ssa", Base, "kind: Database")));

        var result = await Kubectl.RunAsync("apply", "--server-side", "-f", Kubectl.WriteFile("b.yaml", RuleTestManifests.Widget("w-ssa", Base, "kind: Queue")));

        AssertOutcome(result, "spec.kind: Invalid value: \"Queue\": kind is immutable");
    }

    [Test]
    public async Task Patch_SeveralRulesFalse_AllReportedInOneInvalid()
    {
        await InstallCrdAsync();
        await Ok("apply", "-f", Kubectl.WriteFile("a.yaml", RuleTestManifests.Widget("w-many", Base)));

        var result = await Kubectl.RunAsync("patch", "widget", "w-many", "--type=merge", "-p", "{\"spec\":{\"owner\":\"root\",\"size\":\"3Mi\"}}");

        AssertOutcome(result, "* spec.owner: Forbidden: root may not own widgets");
        Assert.That(result.Stderr, Does.Contain("* spec.size: Invalid value: \"3Mi\": size must be in Gi"));
    }

    private async Task InstallCrdAsync() => await Ok("apply", "-f", Kubectl.WriteFile("crd.yaml", RuleTestManifests.Crd));

    private async Task Ok(params string[] args)
    {
        var result = await Kubectl.RunAsync(args);
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
    }

    private static void AssertOutcome(KubectlResult result, string? error)
    {
        if (error is null)
        {
            Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        }
        else
        {
            Assert.That(result.ExitCode, Is.Not.EqualTo(0), result.ToString());
            Assert.That(result.Stderr, Does.Contain(error), result.ToString());
        }
    }
}
