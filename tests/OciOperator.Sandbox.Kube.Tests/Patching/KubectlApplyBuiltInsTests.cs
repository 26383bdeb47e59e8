using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Tests.Support;

namespace OciOperator.Sandbox.Kube.Tests.Patching;

/// <summary>
/// The real kubectl's client-side apply (strategic merge patches with <c>$setElementOrder</c>, <c>$patch: delete</c>,
/// <c>null</c>) and server-side apply of built-in kinds, end to end through a Sandbox started by the test.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class KubectlApplyBuiltInsTests : KubectlFixture
{
    [Test]
    public async Task ApplyClientSide_DeploymentDropsSidecarEnvAndLabel_LiveObjectFollowsManifest()
    {
        const string Before = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: wp, labels: {app: wp, tier: web}}
            spec:
              selector: {matchLabels: {app: wp}}
              template:
                metadata: {labels: {app: wp}}
                spec:
                  containers:
                  - name: wordpress
                    image: wordpress:6.4
                    env: [{name: A, value: "1"}, {name: B, value: "2"}]
                  - name: sidecar
                    image: busybox
            """;
        const string After = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: wp, labels: {app: wp}}
            spec:
              selector: {matchLabels: {app: wp}}
              template:
                metadata: {labels: {app: wp}}
                spec:
                  containers:
                  - name: wordpress
                    image: wordpress:6.5
                    env: [{name: A, value: "1"}]
            """;
        var path = Kubectl.WriteFile("d.yaml", Before);
        await Ok("apply", "-f", path);
        Kubectl.WriteFile("d.yaml", After);

        var configured = await Ok("apply", "-f", path);
        var live = await GetAsync("deployment", "wp");

        Assert.That(configured.Stdout, Does.Contain("deployment.apps/wp configured"));
        JsonAssert.AreEqual(live["metadata"]!["labels"], """{"app":"wp"}""");
        JsonAssert.AreEqual(live["spec"]!["template"]!["spec"]!["containers"], """[{"name":"wordpress","image":"wordpress:6.5","env":[{"name":"A","value":"1"}]}]""");
    }

    [Test]
    public async Task ApplyClientSide_ServicePortsReplacedAndReordered_LiveObjectFollowsManifest()
    {
        const string Before = """
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec:
              selector: {app: web}
              ports: [{name: http, port: 80, targetPort: 8080}, {name: old, port: 81}]
            """;
        const string After = """
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec:
              selector: {app: web}
              ports: [{name: https, port: 443, targetPort: 8443}, {name: http, port: 80, targetPort: 9090}]
            """;
        var path = Kubectl.WriteFile("s.yaml", Before);
        await Ok("apply", "-f", path);
        Kubectl.WriteFile("s.yaml", After);

        await Ok("apply", "-f", path);
        var ports = (JsonArray)(await GetAsync("service", "web"))["spec"]!["ports"]!;

        Assert.That(ports.Select(p => (string?)p!["name"]), Is.EqualTo(new[] { "https", "http" }));
        Assert.That(ports.Select(p => (int?)p!["targetPort"]), Is.EqualTo(new int?[] { 8443, 9090 }));
    }

    [Test]
    public async Task ApplyClientSide_ConfigMapAndSecretKeysRemoved_LiveObjectFollowsManifest()
    {
        var cm = Kubectl.WriteFile("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg}\ndata: {a: '1', b: '2'}\n");
        var secret = Kubectl.WriteFile("secret.yaml", "apiVersion: v1\nkind: Secret\nmetadata: {name: creds}\nstringData: {user: admin, password: s3cret}\n");
        await Ok("apply", "-f", cm);
        await Ok("apply", "-f", secret);
        Kubectl.WriteFile("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg}\ndata: {a: '3'}\n");
        Kubectl.WriteFile("secret.yaml", "apiVersion: v1\nkind: Secret\nmetadata: {name: creds}\nstringData: {user: root}\n");

        await Ok("apply", "-f", cm);
        await Ok("apply", "-f", secret);
        var liveCm = await GetAsync("configmap", "cfg");
        var liveSecret = await GetAsync("secret", "creds");

        JsonAssert.AreEqual(liveCm["data"], """{"a":"3"}""");
        Assert.That((string?)liveSecret["data"]!["user"], Is.EqualTo("cm9vdA=="));
    }

    [Test]
    public async Task ApplyServerSide_SmallerManifestThenOtherManager_RemovesFieldsAndConflicts()
    {
        const string Full = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg, labels: {a: one, b: two}}\ndata: {k1: v1, k2: v2}\n";
        const string Smaller = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg, labels: {a: one}}\ndata: {k1: v1}\n";
        const string Other = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg}\ndata: {k1: changed}\n";
        var path = Kubectl.WriteFile("cm.yaml", Full);
        await Ok("apply", "--server-side", "-f", path);
        Kubectl.WriteFile("cm.yaml", Smaller);
        await Ok("apply", "--server-side", "-f", path);
        var other = Kubectl.WriteFile("other.yaml", Other);

        var conflict = await Kubectl.RunAsync("apply", "--server-side", "--field-manager=other", "-f", other);
        var live = await GetAsync("configmap", "cfg");

        JsonAssert.AreEqual(live["data"], """{"k1":"v1"}""");
        JsonAssert.AreEqual(live["metadata"]!["labels"], """{"a":"one"}""");
        Assert.That(conflict.ExitCode, Is.Not.EqualTo(0));
        Assert.That(conflict.Stderr, Does.Contain("conflict with \"kubectl\"").And.Contain(".data.k1"));
    }

    [Test]
    public async Task ApplyServerSide_AfterClientSideApply_MigratesOwnershipAndRemovesDroppedFields()
    {
        const string Full = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg}\ndata: {k1: v1, k2: v2}\n";
        const string Smaller = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg}\ndata: {k1: v1}\n";
        var path = Kubectl.WriteFile("cm.yaml", Full);
        await Ok("apply", "-f", path);
        Kubectl.WriteFile("cm.yaml", Smaller);

        await Ok("apply", "--server-side", "-f", path);
        var live = await GetAsync("configmap", "cfg");

        JsonAssert.AreEqual(live["data"], """{"k1":"v1"}""");
        Assert.That(
            ((JsonArray)live["metadata"]!["managedFields"]!).Select(e => (string?)e!["manager"]),
            Does.Not.Contain("kubectl-client-side-apply"));
    }

    private async Task<KubectlResult> Ok(params string[] args)
    {
        var result = await Kubectl.RunAsync(args);
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        return result;
    }

    private async Task<JsonObject> GetAsync(string resource, string name) =>
        JsonAssert.Obj((await Ok("get", resource, name, "--show-managed-fields", "-o", "json")).Stdout);
}
