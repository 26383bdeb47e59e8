using System.Text.Json.Nodes;
using static OciOperator.Tests.Packaging.PackagingFiles;

namespace OciOperator.Tests.Packaging;

/// <summary>
/// The committed bundle passes what <c>operator-sdk bundle validate</c> and the OperatorHub suite check, each check
/// proven able to fail on a broken copy, and stays in step with config/: the Deployment, the RBAC, the CRDs and the
/// samples.
/// </summary>
public sealed class BundleValidationTests
{
    private const string CsvFile = "manifests/oci-operator.clusterserviceversion.yaml";

    private static IEnumerable<TestCaseData> Breakages() =>
    [
        Case("a Dockerfile label differs", "bundle.Dockerfile", "channels.v1=alpha", "channels.v1=beta", "labels of bundle.Dockerfile differ"),
        Case("the package differs from the CSV name", "metadata/annotations.yaml", "package.v1: oci-operator", "package.v1: other", "not other.v"),
        Case("the default channel is not a channel", "metadata/annotations.yaml", "channel.default.v1: alpha", "channel.default.v1: stable", "default channel stable"),
        Case("the version is not semver", CsvFile, "version: 0.1.0", "version: 0.1", "is not a semantic version"),
        Case("an owned CRD names an unserved version", CsvFile, "version: v1beta1", "version: v2", "does not serve"),
        Case("an owned CRD names the wrong kind", CsvFile, "kind: DbSystem", "kind: DBSystem", "has kind DBSystem"),
        Case("alm-examples is not JSON", CsvFile, "alm-examples: |-\n      [", "alm-examples: |-\n      {[", "alm-examples is not a JSON array"),
        Case("an example is of a kind not owned", CsvFile, "\"kind\": \"ResourceGraphDefinition\"", "\"kind\": \"ResourceGraph\"", "not an owned kind"),
        Case("the icon has a bad mediatype", CsvFile, "mediatype: image/svg+xml", "mediatype: image/bmp", "icon mediatype"),
        Case("a maintainer email is invalid", CsvFile, "email: maintainers@oci-operator.dev", "email: nobody", "valid email"),
        Case("a category is unknown", CsvFile, "categories: \"Cloud Provider,Database\"", "categories: \"Cloud Provider,Databases\"", "category 'Databases'"),
        Case("a descriptor path is not a field", CsvFile, "path: shapeName", "path: shape", "path 'shape' is not a field of .spec"),
        Case("an install mode is missing", CsvFile, "type: MultiNamespace", "type: AllNamespaces", "each of the four install modes"),
        Case("a CRD is not owned", CsvFile, "name: resourcegraphdefinitions.kro.run", "name: graphs.kro.run", "does not own"),
    ];

    [Test]
    public void Validate_CommittedBundle_HasNoErrors()
    {
        Assert.That(BundleValidator.Validate(BundleDirectory), Is.Empty);
    }

    [TestCaseSource(nameof(Breakages))]
    public void Validate_BrokenCopy_ReportsTheProblem(string file, string find, string replace, string expected)
    {
        var copy = Path.Combine(Path.GetTempPath(), "bundle-broken-" + Guid.NewGuid().ToString("N"));
        try
        {
            foreach (var source in Directory.EnumerateFiles(BundleDirectory, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(copy, Path.GetRelativePath(BundleDirectory, source));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(source, target);
            }

            var path = Path.Combine(copy, file);
            var text = File.ReadAllText(path);
            Assert.That(text, Does.Contain(find), "the breakage must apply");
            File.WriteAllText(path, ReplaceFirst(text, find, replace));

            Assert.That(BundleValidator.Validate(copy), Has.Some.Contains(expected));
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    [Test]
    public async Task CsvDeployment_EqualsTheRenderedManagerDeployment()
    {
        var deployment = Single(await RenderObjectsAsync("default"), "Deployment");
        var entry = BundleValidator.Csv(BundleDirectory)["spec"]!["install"]!["spec"]!["deployments"]!.AsArray().Single()!;

        Assert.That(Str(entry["name"]), Is.EqualTo(Name(deployment)));
        Assert.That(JsonNode.DeepEquals(entry["spec"], deployment["spec"]), Is.True, "spec.install.spec.deployments[0].spec differs from config/default's Deployment");
        Assert.That(Str(BundleValidator.Csv(BundleDirectory)["metadata"]!["annotations"]!["containerImage"]), Is.EqualTo(Str(deployment["spec"]!["template"]!["spec"]!["containers"]![0]!["image"])));
    }

    [Test]
    public async Task CsvPermissions_EqualTheRolesBoundToTheServiceAccount()
    {
        var objects = await RenderObjectsAsync("default");
        var install = BundleValidator.Csv(BundleDirectory)["spec"]!["install"]!["spec"]!;

        var cluster = install["clusterPermissions"]!.AsArray().Single()!;
        var local = install["permissions"]!.AsArray().Single()!;

        Assert.That(Str(cluster["serviceAccountName"]), Is.EqualTo(ServiceAccount));
        Assert.That(RbacConfigTests.Flatten(cluster["rules"]!.AsArray()).Distinct(), Is.EquivalentTo(BoundRules(objects, "ClusterRoleBinding").Distinct()));
        Assert.That(RbacConfigTests.Flatten(local["rules"]!.AsArray()), Is.EquivalentTo(BoundRules(objects, "RoleBinding")));
    }

    [Test]
    public void BundleCrds_AreByteCopiesOfConfigCrd()
    {
        var configCrds = Directory.EnumerateFiles(Path.Combine(Config, "crd", "bases"), "*.yaml").ToList();

        foreach (var crd in configCrds)
        {
            var copy = Path.Combine(BundleDirectory, "manifests", Path.GetFileName(crd));
            Assert.That(File.Exists(copy), Is.True, copy);
            Assert.That(File.ReadAllBytes(copy), Is.EqualTo(File.ReadAllBytes(crd)), Path.GetFileName(crd));
        }
    }

    [Test]
    public async Task AlmExamples_AreTheSamplesOfOwnedKinds()
    {
        var samples = await RenderObjectsAsync("samples");
        var examples = BundleValidator.Examples(BundleValidator.Csv(BundleDirectory)).OfType<JsonObject>().ToList();

        Assert.That(examples.Select(Kind), Is.EquivalentTo(new[] { "DbSystem", "ResourceGraphDefinition" }));
        foreach (var example in examples)
        {
            Assert.That(JsonNode.DeepEquals(example, Single(samples, Kind(example)!)), Is.True, Kind(example));
        }
    }

    [Test]
    public void CsvVersion_IsTheImageTag()
    {
        var csv = BundleValidator.Csv(BundleDirectory);

        Assert.That(Str(csv["metadata"]!["annotations"]!["containerImage"]), Does.EndWith(":v" + Str(csv["spec"]!["version"])));
    }

    /// <summary>The rules of every role the bindings of <paramref name="bindingKind"/> give the operator's ServiceAccount, aggregation resolved.</summary>
    private static IEnumerable<string> BoundRules(List<JsonObject> objects, string bindingKind)
    {
        foreach (var binding in objects.Where(o => Kind(o) == bindingKind && o["subjects"]!.AsArray().Any(s => Str(s?["name"]) == ServiceAccount)))
        {
            var role = Single(objects, Str(binding["roleRef"]!["kind"]), Str(binding["roleRef"]!["name"]));
            var sources = role["aggregationRule"]?["clusterRoleSelectors"] is JsonArray selectors
                ? objects.Where(o => Kind(o) == "ClusterRole" && selectors.Any(s => s!["matchLabels"]!.AsObject().All(l => Str(o["metadata"]?["labels"]?[l.Key]) == Str(l.Value))))
                : [role];
            foreach (var rule in sources.SelectMany(s => RbacConfigTests.Flatten(s["rules"] as JsonArray ?? [])))
            {
                yield return rule;
            }
        }
    }

    private static TestCaseData Case(string name, string file, string find, string replace, string expected) =>
        new TestCaseData(file, find, replace, expected).SetArgDisplayNames(name);

    private static string ReplaceFirst(string text, string find, string replace)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        return text[..at] + replace + text[(at + find.Length)..];
    }
}
