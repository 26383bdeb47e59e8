using OciOperator.Sandbox.Kube.Tests.Support;

namespace OciOperator.Sandbox.Kube.Tests.Validation;

/// <summary>
/// The <c>sets</c> library and <c>string.format</c> with Kubernetes' verbs in CRD validation rules, evaluated by the
/// Sandbox as the apiserver does, through the real kubectl (issue 13).
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class KubectlCelSetsAndFormatTests : KubectlFixture
{
    private const string Crd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: gadgets.sets.example.com
        spec:
          group: sets.example.com
          scope: Namespaced
          names: {plural: gadgets, singular: gadget, kind: Gadget}
          versions:
          - name: v1
            served: true
            storage: true
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
                    type: object
                    x-kubernetes-validations:
                    - rule: "sets.contains(self.features, ['core'])"
                      messageExpression: "'features %s must include core'.format([self.features])"
                    - rule: "!sets.intersects(self.features, ['legacy', 'beta'])"
                      messageExpression: "'%d forbidden feature(s) among %s'.format([self.features.filter(f, f in ['legacy', 'beta']).size(), self.features])"
                    - rule: "!has(self.mirror) || sets.equivalent(self.features, self.mirror)"
                      message: "mirror must hold the same features"
                    - rule: "!has(self.ratio) || self.ratio <= 1.0"
                      messageExpression: "'ratio %.2f (%e, limit %x) is above 1'.format([self.ratio, self.ratio, 255])"
                    properties:
                      features: {type: array, maxItems: 10, items: {type: string, maxLength: 20}}
                      mirror: {type: array, maxItems: 10, items: {type: string, maxLength: 20}}
                      ratio: {type: number}
        """;

    private static IEnumerable<TestCaseData> Cases()
    {
        yield return new TestCaseData("features: [core, net]", null).SetName("SetsContains_Present_Accepted");
        yield return new TestCaseData("features: [net]", "spec: Invalid value: features [net] must include core")
            .SetName("SetsContains_Missing_RefusedWithFormattedList");
        yield return new TestCaseData("features: [core, beta, legacy]", "spec: Invalid value: 2 forbidden feature(s) among [core, beta, legacy]")
            .SetName("SetsIntersects_Forbidden_RefusedWithCount");
        yield return new TestCaseData("features: [core, net]\n  mirror: [net, core, core]", null).SetName("SetsEquivalent_SameElements_Accepted");
        yield return new TestCaseData("features: [core, net]\n  mirror: [core]", "mirror must hold the same features").SetName("SetsEquivalent_Different_Refused");
        yield return new TestCaseData("features: [core]\n  ratio: 1.5", "ratio 1.50 (1.500000e+00, limit ff) is above 1").SetName("Format_FloatExponentHex_Formatted");
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Create_Gadget_RulesEvaluated(string spec, string? error)
    {
        var crd = await Kubectl.RunAsync("apply", "-f", Kubectl.WriteFile("crd.yaml", Crd));
        Assert.That(crd.ExitCode, Is.EqualTo(0), crd.ToString());
        await Kubectl.RunAsync("wait", "--for=condition=established", "--timeout=20s", "crd/gadgets.sets.example.com");

        var result = await Kubectl.RunAsync("apply", "-f", Kubectl.WriteFile("g.yaml", $"apiVersion: sets.example.com/v1\nkind: Gadget\nmetadata:\n  name: g\nspec:\n  {spec}\n"));

        if (error is null)
        {
            Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        }
        else
        {
            Assert.That(result.ExitCode, Is.Not.EqualTo(0), result.ToString());
            Assert.That(result.Stderr, Does.Contain(error));
        }
    }
}
