using OciOperator.Testing;

namespace OciOperator.ResourceGraph.Tests.Api;

/// <summary>
/// The committed RGD CRD installed with the real kubectl in the Sandbox: kro's demo RGD is accepted, <c>kubectl get rgd</c>
/// shows kro's columns, and admission refuses what kro's CRD refuses, with kro's messages (kro.md A.4 §A).
/// </summary>
[NonParallelizable]
public sealed class RgdCrdKubectlTests
{
    private const string Header = """
        apiVersion: kro.run/v1alpha1
        kind: ResourceGraphDefinition
        metadata:
          name: {0}
        spec:
          schema:
            apiVersion: v1alpha1
            kind: {1}
        """;

    private KubeTestServer _kube = null!;
    private KubectlRunner _kubectl = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        if (!KubectlRunner.Available)
        {
            Assert.Ignore("kubectl is not installed at /usr/bin/kubectl (.ci/run installs it).");
        }

        _kube = await KubeTestServer.StartAsync();
        _kubectl = new KubectlRunner(_kube.Server.BuildKubeconfig());
        var installed = await _kubectl.RunAsync("apply", "-f", CommittedRgdCrdTests.CrdPath);
        Assert.That(installed.ExitCode, Is.Zero, installed.ToString());
        var established = await _kubectl.RunAsync("wait", "crd/resourcegraphdefinitions.kro.run", "--for=condition=Established", "--timeout=30s");
        Assert.That(established.ExitCode, Is.Zero, established.ToString());
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _kubectl?.Dispose();
        if (_kube is not null)
        {
            await _kube.DisposeAsync();
        }
    }

    [Test]
    public async Task Apply_SeedDemoRgd_AcceptedAndListedWithKroColumns()
    {
        var applied = await _kubectl.RunAsync("apply", "-f", RepositoryPaths.SeedFixture("osok_kro_demo_rgd.yaml"));
        Assert.That(applied.ExitCode, Is.Zero, applied.ToString());

        var table = await _kubectl.RunAsync("get", "rgd");
        Assert.That(table.ExitCode, Is.Zero, table.ToString());
        Assert.That(table.Stdout, Does.Match(@"NAME\s+APIVERSION\s+KIND\s+STATE\s+READY\s+AGE"), table.ToString());
        Assert.That(table.Stdout, Does.Not.Contain("TOPOLOGICALORDER"));
        Assert.That(table.Stdout, Does.Match(@"osok-kro-demo\s+v1alpha1\s+OsokKroDemoApp\s+"), table.ToString());
        var wide = await _kubectl.RunAsync("get", "resourcegraphdefinitions.kro.run", "-o", "wide");
        Assert.That(wide.Stdout, Does.Match(@"NAME\s+APIVERSION\s+KIND\s+STATE\s+READY\s+TOPOLOGICALORDER\s+AGE"), wide.ToString());
        var byCategory = await _kubectl.RunAsync("get", "kro");
        Assert.That(byCategory.Stdout, Does.Contain("osok-kro-demo"), byCategory.ToString());
    }

    [TestCase("both", "      template: {apiVersion: v1, kind: ConfigMap, metadata: {name: x}}\n      externalRef: {apiVersion: v1, kind: ConfigMap, metadata: {name: x}}", "spec.resources[0]", "exactly one of template or externalRef must be provided")]
    [TestCase("neither", "", "spec.resources[0]", "exactly one of template or externalRef must be provided")]
    [TestCase("name-and-selector", "      externalRef: {apiVersion: v1, kind: ConfigMap, metadata: {name: x, selector: {matchLabels: {a: b}}}}", "spec.resources[0].externalRef.metadata", "exactly one of name or selector must be provided")]
    [TestCase("policy-on-ref", "      externalRef: {apiVersion: v1, kind: ConfigMap, metadata: {name: x}}\n      deletionPolicy: Orphaned", "spec.resources[0]", "deletionPolicy is only valid on resources with a template")]
    [TestCase("fields-on-ref", "      externalRef: {apiVersion: v1, kind: ConfigMap, metadata: {name: x}}\n      externalFields: [data.a]", "spec.resources[0]", "externalFields is only valid on resources with a template")]
    [TestCase("policy-value", "      template: {apiVersion: v1, kind: ConfigMap, metadata: {name: x}}\n      deletionPolicy: Retain", "spec.resources[0].deletionPolicy", "Unsupported value: \"Retain\": supported values: \"Delete\", \"Orphaned\"")]
    [TestCase("two-iterators", "      template: {apiVersion: v1, kind: ConfigMap, metadata: {name: x}}\n      forEach: [{a: '${[1]}', b: '${[2]}'}]", "spec.resources[0].forEach[0]", "must have at most 1 item")]
    public async Task Apply_InvalidResource_RefusedWithKroMessage(string name, string body, string path, string message)
    {
        var file = _kubectl.WriteFile($"bad-{name}.yaml", string.Format(null, Header, "bad-" + name, "Bad") + "\n  resources:\n    - id: thing\n" + body + "\n");

        var result = await _kubectl.RunAsync("apply", "-f", file);

        Assert.That(result.ExitCode, Is.Not.Zero, result.ToString());
        Assert.That(result.Stderr, Does.Contain("The ResourceGraphDefinition \"bad-" + name + "\" is invalid: " + path + ": ").And.Contain(message), result.ToString());
    }

    [TestCase("testResource")]
    [TestCase("Test_Resource")]
    [TestCase("123Test")]
    public async Task Apply_InvalidKind_RefusedByPattern(string kind)
    {
        var file = _kubectl.WriteFile("bad-kind.yaml", string.Format(null, Header, "bad-kind", kind));

        var result = await _kubectl.RunAsync("apply", "-f", file);

        Assert.That(result.ExitCode, Is.Not.Zero, result.ToString());
        Assert.That(result.Stderr, Does.Contain("spec.schema.kind"), result.ToString());
    }

    [TestCase("kind", "Immutable", "Changed", "v1alpha1", "v1alpha1", "kind is immutable")]
    [TestCase("apiVersion", "Versioned", "Versioned", "v1alpha1", "v1beta1", "apiVersion is immutable")]
    public async Task Apply_ChangedIdentity_RefusedAsImmutable(string field, string kind, string newKind, string version, string newVersion, string message)
    {
        var name = "immutable-" + field.ToLowerInvariant();
        string Manifest(string k, string v) => string.Format(null, Header, name, k).Replace("apiVersion: v1alpha1\n", $"apiVersion: {v}\n", StringComparison.Ordinal);
        var created = await _kubectl.RunAsync("apply", "-f", _kubectl.WriteFile(name + "-1.yaml", Manifest(kind, version)));
        Assert.That(created.ExitCode, Is.Zero, created.ToString());

        var changed = await _kubectl.RunAsync("apply", "-f", _kubectl.WriteFile(name + "-2.yaml", Manifest(newKind, newVersion)));

        Assert.That(changed.ExitCode, Is.Not.Zero, changed.ToString());
        Assert.That(changed.Stderr, Does.Contain($"spec.schema.{field}").And.Contain(message), changed.ToString());
    }

    [TestCase("shortnames-pattern", "shortNames: [Bad_Name]", "spec.schema.shortNames[0]", "should match '^[a-z]([-a-z0-9]*[a-z0-9])?$'")]
    [TestCase("shortnames-length", "shortNames: [aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa]", "spec.schema.shortNames[0]", "may not be more than 63 bytes")]
    [TestCase("shortnames-duplicate", "shortNames: [web, web]", "spec.schema.shortNames[1]", "Duplicate value: \"web\"")]
    [TestCase("plural-pattern", "plural: Pod_Infos", "spec.schema.plural", "should match '^[a-z]([-a-z0-9]*[a-z0-9])?$'")]
    [TestCase("categories-duplicate", "categories: [apps, apps]", "spec.schema.categories[1]", "Duplicate value: \"apps\"")]
    public async Task Apply_InvalidNames_RefusedWithFieldPath(string name, string field, string path, string message)
    {
        var file = _kubectl.WriteFile(name + ".yaml", string.Format(null, Header, name, "Named") + "\n    " + field + "\n");

        var result = await _kubectl.RunAsync("apply", "-f", file);

        Assert.That(result.ExitCode, Is.Not.Zero, result.ToString());
        Assert.That(result.Stderr, Does.Contain(path).And.Contain(message), result.ToString());
    }

    [Test]
    public async Task Apply_ChangedPlural_RefusedAsImmutable()
    {
        string Manifest(string plural) => string.Format(null, Header, "plural-immutable", "PodInfo") + "\n    plural: " + plural + "\n";
        var created = await _kubectl.RunAsync("apply", "-f", _kubectl.WriteFile("plural-1.yaml", Manifest("podinfoes")));
        Assert.That(created.ExitCode, Is.Zero, created.ToString());

        var changed = await _kubectl.RunAsync("apply", "-f", _kubectl.WriteFile("plural-2.yaml", Manifest("podinfos")));

        Assert.That(changed.ExitCode, Is.Not.Zero, changed.ToString());
        Assert.That(changed.Stderr, Does.Contain("spec.schema.plural").And.Contain("plural is immutable"), changed.ToString());
    }

    [Test]
    public async Task Apply_NoGroup_DefaultsToKroRun()
    {
        var applied = await _kubectl.RunAsync("apply", "-f", _kubectl.WriteFile("group-default.yaml", string.Format(null, Header, "group-default", "Grouped")));
        Assert.That(applied.ExitCode, Is.Zero, applied.ToString());

        var group = await _kubectl.RunAsync("get", "rgd", "group-default", "-o", "jsonpath={.spec.schema.group}");

        Assert.That(group.Stdout, Is.EqualTo("kro.run"), group.ToString());
    }
}
