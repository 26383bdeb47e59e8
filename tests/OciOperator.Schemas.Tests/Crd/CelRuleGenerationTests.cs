using k8s.Models;
using OciOperator.Schemas.Crd;
using OciOperator.Schemas.Tests.Crd.Models;

namespace OciOperator.Schemas.Tests.Crd;

/// <summary><see cref="CrdValidationAttribute"/> becomes <c>x-kubernetes-validations</c> at the right schema node.</summary>
public sealed class CelRuleGenerationTests
{
    private static readonly V1JSONSchemaProps Ruled = OpenApiSchemaGenerator.ForObject(typeof(SampleRuled));

    [Test]
    public void ForObject_ClassRules_AreObjectLevelInDeclarationOrder()
    {
        var rules = Ruled.XKubernetesValidations;

        Assert.That(rules.Select(r => r.Rule), Is.EqualTo(new[]
        {
            "!has(self.low) || !has(self.high) || self.low < self.high",
            "self.name != 'forbidden'",
        }));
        Assert.That(rules[0].Message, Is.EqualTo("low must be below high"));
        Assert.That((rules[0].MessageExpression, rules[0].Reason, rules[0].FieldPath, rules[0].OptionalOldSelf), Is.EqualTo(((string?)null, (string?)null, (string?)null, (bool?)null)));
        Assert.That(
            (rules[1].MessageExpression, rules[1].Reason, rules[1].FieldPath, rules[1].Message),
            Is.EqualTo(("'name ' + self.name + ' is taken'", "FieldValueForbidden", ".name", (string?)null)));
    }

    [Test]
    public void ForObject_PropertyRule_IsFieldLevelWithOptionalOldSelf()
    {
        var rule = SchemaPaths.Find(Ruled, "name")!.XKubernetesValidations.Single();

        Assert.That((rule.Rule, rule.Message, rule.OptionalOldSelf), Is.EqualTo(("self == oldSelf", "name is immutable", (bool?)true)));
    }

    [Test]
    public void ForObject_PropertyOfRuledType_KeepsTypeRulesThenPropertyRules()
    {
        var rules = SchemaPaths.Find(Ruled, "item")!.XKubernetesValidations;

        Assert.That(rules.Select(r => r.Message), Is.EqualTo(new[] { "size must be below 100", "size must be positive" }));
    }

    [TestCase("low")]
    [TestCase("plain")]
    public void ForObject_UnruledNode_HasNoValidations(string path)
    {
        Assert.That(SchemaPaths.Find(Ruled, path)!.XKubernetesValidations, Is.Null);
    }

    [TestCase("dimensions[]", 1L, 1L)]
    [TestCase("labels", 0L, 4L)]
    public void ForObject_PropertyCount_BoundsTheMapOrEachMapItem(string path, long min, long max)
    {
        var node = SchemaPaths.Find(Ruled, path)!;

        Assert.That((node.MinProperties, node.MaxProperties), Is.EqualTo(((long?)min, (long?)max)));
    }

    [Test]
    public void Yaml_Rules_AreWrittenAsXKubernetesValidations()
    {
        var yaml = k8s.KubernetesYaml.Serialize(Ruled);

        Assert.That(yaml, Does.Contain("x-kubernetes-validations:"));
        Assert.That(yaml, Does.Contain("optionalOldSelf: true"));
        Assert.That(yaml, Does.Contain("fieldPath: .name"));
    }
}
