using OciOperator.Sandbox.Kube.Serialization;
using OciOperator.ResourceGraph.Crd;
using OciOperator.ResourceGraph.SimpleSchema;

namespace OciOperator.ResourceGraph.Tests.Crd;

[TestFixture]
public sealed class RgdSchemaReaderTests
{
    private static IEnumerable<TestCaseData> InvalidSchemas()
    {
        yield return Bad("KindMissing", "apiVersion: v1", "kind is required", "schema.kind");
        yield return Bad("KindLowercase", "kind: webApp\napiVersion: v1", "kind \"webApp\" must match ^[A-Z][a-zA-Z0-9]{0,62}$", "schema.kind");
        yield return Bad("KindWithDash", "kind: Web-App\napiVersion: v1", "kind \"Web-App\" must match ^[A-Z][a-zA-Z0-9]{0,62}$", "schema.kind");
        yield return Bad("ApiVersionMissing", "kind: App", "apiVersion is required", "schema.apiVersion");
        yield return Bad("ApiVersionWithGroup", "kind: App\napiVersion: kro.run/v1", "apiVersion \"kro.run/v1\" must match ^v[0-9]+(alpha[0-9]+|beta[0-9]+)?$", "schema.apiVersion");
        yield return Bad("ApiVersionGamma", "kind: App\napiVersion: v1gamma1", "apiVersion \"v1gamma1\" must match ^v[0-9]+(alpha[0-9]+|beta[0-9]+)?$", "schema.apiVersion");
        yield return Bad("ScopeUnknown", "kind: App\napiVersion: v1\nscope: Global", "scope must be Namespaced or Cluster, got: Global", "schema.scope");
        yield return Bad("ShortNameUppercase", "kind: App\napiVersion: v1\nshortNames: [App]", "shortNames entries must be lowercase names matching ^[a-z]([-a-z0-9]*[a-z0-9])?$ (at most 63 characters), got: \"App\"", "schema.shortNames");
        yield return Bad("DuplicateCategory", "kind: App\napiVersion: v1\ncategories: [all, all]", "duplicate value in categories: all", "schema.categories");
        yield return Bad("PluralUppercase", "kind: App\napiVersion: v1\nplural: Apps", "plural \"Apps\" must be a lowercase RFC 1035 label matching ^[a-z]([-a-z0-9]*[a-z0-9])?$ (at most 63 characters)", "schema.plural");
        yield return Bad("PluralNotString", "kind: App\napiVersion: v1\nplural: [apps]", "plural must be a string", "schema.plural");
        yield return Bad("SpecNotAMap", "kind: App\napiVersion: v1\nspec: [a]", "spec has the wrong type, expected a map", "schema.spec");
        yield return Bad("LabelNotString", "kind: App\napiVersion: v1\nmetadata:\n  labels:\n    a: {b: c}", "value of a must be a string", "schema.metadata.labels");
    }

    private static TestCaseData Bad(string name, string yaml, string message, string path) =>
        new TestCaseData(yaml, message, path).SetName($"Read_{name}_Fails");

    [TestCaseSource(nameof(InvalidSchemas))]
    public void Read_InvalidSchema_FailsWithPath(string yaml, string message, string path)
    {
        var error = Assert.Throws<SimpleSchemaException>(() => RgdSchemaReader.Read(YamlToJson.Parse(yaml)));

        Assert.That((error!.Reason, error.Path), Is.EqualTo((message, path)));
    }

    [Test]
    public void Read_Minimal_Defaults()
    {
        var schema = RgdSchemaReader.Read(YamlToJson.Parse("kind: App\napiVersion: v1alpha1"));

        Assert.That((schema.Group, schema.Scope, schema.Spec, schema.ShortNames.Count), Is.EqualTo(("kro.run", "Namespaced", (object?)null, 0)));
    }

    [TestCase("kind: PodInfo\napiVersion: v1alpha1", null, "podinfoes")]
    [TestCase("kind: PodInfo\napiVersion: v1alpha1\nplural: podinfos", "podinfos", "podinfos")]
    public void Read_Plural_OverridesTheEnglishPlural(string yaml, string? plural, string name)
    {
        var schema = RgdSchemaReader.Read(YamlToJson.Parse(yaml));

        Assert.That((schema.Plural, schema.PluralName), Is.EqualTo((plural, name)));
    }

    [Test]
    public void Read_AllFields_Kept()
    {
        var schema = RgdSchemaReader.Read(YamlToJson.Parse("""
            kind: App
            apiVersion: v1beta2
            group: apps.example.com
            scope: Cluster
            shortNames: [ap]
            categories: [all, kro]
            metadata:
              labels: {team: a}
              annotations: {note: b}
            spec:
              name: string
            """));

        Assert.That(schema.Group, Is.EqualTo("apps.example.com"));
        Assert.That(schema.Scope, Is.EqualTo("Cluster"));
        Assert.That(schema.ShortNames, Is.EqualTo(new[] { "ap" }));
        Assert.That(schema.Categories, Is.EqualTo(new[] { "all", "kro" }));
        Assert.That(schema.Labels["team"], Is.EqualTo("a"));
        Assert.That(schema.Annotations["note"], Is.EqualTo("b"));
        Assert.That(schema.Spec!.ContainsKey("name"), Is.True);
    }
}
