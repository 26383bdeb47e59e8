using OciOperator.Sandbox.Kube.Tests.Support;

namespace OciOperator.Sandbox.Kube.Tests.Validation;

/// <summary>
/// CRDs whose validation rules the apiserver refuses at creation, through the real kubectl: compile errors, the
/// estimated cost limits, and misplaced oldSelf / optionalOldSelf / reason / fieldPath.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class KubectlCrdRuleCheckTests : KubectlFixture
{
    private const string RulePath = "spec.validation.openAPIV3Schema.properties[spec].x-kubernetes-validations[0]";

    private static IEnumerable<TestCaseData> Cases()
    {
        static TestCaseData Case(string name, string schema, string? error) => new TestCaseData(schema, error).SetName("CreateCrd_" + name);
        yield return Case("BoundedRule_Accepted", """
            type: object
            properties:
              items: {type: array, maxItems: 10, items: {type: string, maxLength: 10}}
            x-kubernetes-validations:
            - rule: "self.items.all(x, self.items.exists_one(y, x == y))"
              message: "items must be unique"
            """, null);
        yield return Case("UndeclaredField_CompileError", """
            type: object
            properties:
              replicas: {type: integer}
            x-kubernetes-validations:
            - rule: "self.replicsa > 0"
            """, RulePath + ".rule: Invalid value: apiextensions.ValidationRule{Rule:\"self.replicsa > 0\"");
        yield return Case("SyntaxError_CompileError", """
            type: object
            x-kubernetes-validations:
            - rule: "self.a =="
            """, "compilation failed: ERROR: <input>:1:");
        yield return Case("NotBool_Refused", """
            type: object
            properties:
              name: {type: string}
            x-kubernetes-validations:
            - rule: "self.name"
            """, RulePath + ".rule: Invalid value: apiextensions.ValidationRule{Rule:\"self.name\", Message:\"\", MessageExpression:\"\", Reason:(*apiextensions.FieldValueErrorReason)(nil), FieldPath:\"\", OptionalOldSelf:(*bool)(nil)}: cel expression must evaluate to a bool");
        yield return Case("UnboundedQuadraticRule_CostLimit", """
            type: object
            properties:
              items: {type: array, items: {type: string}}
            x-kubernetes-validations:
            - rule: "self.items.all(x, self.items.exists_one(y, x == y))"
            """, RulePath + ".rule: Forbidden: estimated rule cost exceeds budget by factor of more than 100x (try simplifying the rule, or adding maxItems, maxProperties, and maxLength where arrays, maps, and strings are declared)");
        yield return Case("UnboundedRulesTotal_CrdCostLimit", """
            type: object
            properties:
              groups:
                type: array
                items:
                  type: object
                  properties:
                    names: {type: array, maxItems: 100, items: {type: string, maxLength: 10}}
                  x-kubernetes-validations:
                  - rule: "self.names.all(x, x.size() > 0)"
            """, "spec.validation.openAPIV3Schema: Forbidden: x-kubernetes-validations estimated rule cost total for entire OpenAPIv3 schema exceeds budget by factor of");
        yield return Case("OptionalOldSelfWithoutOldSelf_Refused", """
            type: object
            x-kubernetes-validations:
            - rule: "true"
              optionalOldSelf: true
            """, RulePath + ".optionalOldSelf: Invalid value: true: may not be set if oldSelf is not used in rule");
        yield return Case("OldSelfInAtomicListItems_Refused", """
            type: object
            properties:
              list:
                type: array
                maxItems: 5
                items:
                  type: string
                  maxLength: 5
                  x-kubernetes-validations:
                  - rule: "self == oldSelf"
            """, "spec.validation.openAPIV3Schema.properties[spec].properties[list].items.x-kubernetes-validations[0].rule: Invalid value: \"self == oldSelf\": oldSelf cannot be used on the uncorrelatable portion of the schema within spec.validation.openAPIV3Schema.properties[spec].properties[list]");
        yield return Case("UnsupportedReason_Refused", """
            type: object
            x-kubernetes-validations:
            - rule: "true"
              reason: FieldValueBad
            """, RulePath + ".reason: Unsupported value: \"FieldValueBad\": supported values: \"FieldValueDuplicate\", \"FieldValueForbidden\", \"FieldValueInvalid\", \"FieldValueRequired\"");
        yield return Case("FieldPathToUndeclaredField_Refused", """
            type: object
            properties:
              a: {type: string}
            x-kubernetes-validations:
            - rule: "true"
              fieldPath: ".b"
            """, RulePath + ".fieldPath: Invalid value: \".b\": fieldPath must be a valid path");
        yield return Case("EmptyRule_Required", """
            type: object
            x-kubernetes-validations:
            - rule: " "
            """, "properties[spec].x-kubernetes-validations[0].rule: Required value: rule is not specified");
        yield return Case("MultilineRuleWithoutMessage_Required", """
            type: object
            x-kubernetes-validations:
            - rule: "true &&\n true"
            """, RulePath + ".message: Required value: message must be specified if rule contains line breaks");
    }

    [TestCaseSource(nameof(Cases))]
    public async Task CreateCrd(string specSchema, string? error)
    {
        var result = await Kubectl.RunAsync("create", "-f", Kubectl.WriteFile("crd.yaml", RuleTestManifests.CrdWithSpecSchema(specSchema)));

        if (error is null)
        {
            Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        }
        else
        {
            Assert.That(result.ExitCode, Is.Not.EqualTo(0), result.ToString());
            Assert.That(result.Stderr, Does.Contain("The CustomResourceDefinition \"gadgets.rules.example.com\" is invalid"), result.ToString());
            Assert.That(result.Stderr, Does.Contain(error), result.ToString());
        }
    }

    [Test]
    public async Task Create_RuleErrorAtRunTime_ReportsErrorEvaluatingRule()
    {
        var crd = RuleTestManifests.CrdWithSpecSchema("""
            type: object
            properties:
              min: {type: integer}
              max: {type: integer}
            x-kubernetes-validations:
            - rule: "self.min <= self.max"
            """);
        var created = await Kubectl.RunAsync("create", "-f", Kubectl.WriteFile("crd.yaml", crd));
        Assert.That(created.ExitCode, Is.EqualTo(0), created.ToString());

        var gadget = "apiVersion: rules.example.com/v1\nkind: Gadget\nmetadata: {name: g, namespace: default}\nspec: {max: 3}\n";
        var result = await Kubectl.RunAsync("create", "-f", Kubectl.WriteFile("g.yaml", gadget));

        Assert.That(result.ExitCode, Is.Not.EqualTo(0), result.ToString());
        Assert.That(result.Stderr, Does.Contain("spec: Invalid value: \"object\": no such key: min evaluating rule: self.min <= self.max"), result.ToString());
    }
}
