using OciOperator.Sandbox.Kube.Tests.Support;

namespace OciOperator.Sandbox.Kube.Tests;

/// <summary>The real kubectl (1.32) against a Sandbox started by the test (issue 2 acceptance).</summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class KubectlSuiteTests : KubectlFixture
{
    private async Task<KubectlResult> Ok(params string[] args)
    {
        var result = await Kubectl.RunAsync(args);
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        return result;
    }

    private async Task InstallCrdAsync()
    {
        var crd = Kubectl.WriteFile("crd.yaml", TestManifests.WidgetCrd);
        await Ok("apply", "-f", crd);
        await Ok("wait", "--for=condition=established", "--timeout=20s", "crd/widgets.example.com");
    }

    [Test]
    public async Task CreateNamespace_ThenGetNamespaces_ListsItActive()
    {
        var created = await Ok("create", "namespace", "demo");
        var list = await Ok("get", "ns");

        Assert.That(created.Stdout, Does.Contain("namespace/demo created"));
        Assert.That(list.Stdout, Does.Match("demo\\s+Active"));
        Assert.That(list.Stdout, Does.Contain("kube-system"));
    }

    [Test]
    public async Task ApplyClientSide_CrdThenWidget_CreatedConfiguredUnchanged()
    {
        await InstallCrdAsync();
        var path = Kubectl.WriteFile("w.yaml", TestManifests.Widget("foo", "red"));

        var first = await Ok("apply", "-f", path);
        var second = await Ok("apply", "-f", path);
        Kubectl.WriteFile("w.yaml", TestManifests.Widget("foo", "blue", replicas: 3));
        var third = await Ok("apply", "-f", path);
        var color = await Ok("get", "widget", "foo", "-o", "jsonpath={.spec.color}/{.spec.replicas}/{.spec.size}");

        Assert.That(first.Stdout, Does.Contain("widget.example.com/foo created"));
        Assert.That(second.Stdout, Does.Contain("widget.example.com/foo unchanged"));
        Assert.That(third.Stdout, Does.Contain("widget.example.com/foo configured"));
        Assert.That(color.Stdout, Is.EqualTo("blue/3/m"));
    }

    [Test]
    public async Task ApplyServerSide_Widget_CreatesThenConflictsWithOtherManager()
    {
        await InstallCrdAsync();
        var path = Kubectl.WriteFile("w.yaml", TestManifests.Widget("ssa", "red", replicas: 2));

        var created = await Ok("apply", "--server-side", "-f", path);
        Kubectl.WriteFile("w.yaml", TestManifests.Widget("ssa", "green", replicas: 2));
        var conflict = await Kubectl.RunAsync("apply", "--server-side", "--field-manager=other", "-f", path);
        var forced = await Ok("apply", "--server-side", "--field-manager=other", "--force-conflicts", "-f", path);
        var color = await Ok("get", "wd", "ssa", "-o", "jsonpath={.spec.color}");

        Assert.That(created.Stdout, Does.Contain("widget.example.com/ssa serverside-applied"));
        Assert.That(conflict.ExitCode, Is.Not.EqualTo(0), conflict.ToString());
        Assert.That(conflict.Stderr, Does.Contain("conflict").IgnoreCase.And.Contain(".spec.color"));
        Assert.That(forced.Stdout, Does.Contain("serverside-applied"));
        Assert.That(color.Stdout, Is.EqualTo("green"));
    }

    [Test]
    public async Task Get_WidgetsWithPrinterColumns_PrintsDeclaredColumns()
    {
        await InstallCrdAsync();
        await Ok("apply", "-f", Kubectl.WriteFile("w.yaml", TestManifests.Widget("foo", "green", replicas: 4)));

        var table = await Ok("get", "widgets");
        var jsonPath = await Ok("get", "widgets", "-o", "jsonpath={.items[*].metadata.name}");

        Assert.That(table.Stdout, Does.Match("NAME\\s+COLOR\\s+REPLICAS"));
        Assert.That(table.Stdout, Does.Match("foo\\s+green\\s+4"));
        Assert.That(jsonPath.Stdout, Is.EqualTo("foo"));
    }

    [Test]
    public async Task Patch_MergeAndJson_ChangeTheWidget()
    {
        await InstallCrdAsync();
        await Ok("apply", "-f", Kubectl.WriteFile("w.yaml", TestManifests.Widget("foo", "red")));

        var merge = await Ok("patch", "widget", "foo", "--type=merge", "-p", "{\"spec\":{\"color\":\"blue\"}}");
        var json = await Ok("patch", "widget", "foo", "--type=json", "-p", "[{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":7}]");
        var invalid = await Kubectl.RunAsync("patch", "widget", "foo", "--type=merge", "-p", "{\"spec\":{\"replicas\":11}}");
        var result = await Ok("get", "widget", "foo", "-o", "jsonpath={.spec.color}/{.spec.replicas}/{.metadata.generation}");

        Assert.That(merge.Stdout, Does.Contain("widget.example.com/foo patched"));
        Assert.That(json.Stdout, Does.Contain("widget.example.com/foo patched"));
        Assert.That(invalid.ExitCode, Is.EqualTo(1));
        Assert.That(invalid.Stderr, Does.Contain("spec.replicas"));
        Assert.That(result.Stdout, Is.EqualTo("blue/7/3"));
    }

    [Test]
    public async Task Delete_WidgetWithFinalizer_StaysUntilFinalizerRemoved()
    {
        await InstallCrdAsync();
        await Ok("apply", "-f", Kubectl.WriteFile("w.yaml", TestManifests.Widget("held", "red")));
        await Ok("patch", "widget", "held", "--type=merge", "-p", "{\"metadata\":{\"finalizers\":[\"example.com/hold\"]}}");

        await Ok("delete", "widget", "held", "--wait=false");
        var stillThere = await Ok("get", "widget", "held", "-o", "jsonpath={.metadata.deletionTimestamp}");
        await Ok("patch", "widget", "held", "--type=json", "-p", "[{\"op\":\"remove\",\"path\":\"/metadata/finalizers\"}]");
        var gone = await Kubectl.RunAsync("get", "widget", "held");

        Assert.That(stillThere.Stdout, Is.Not.Empty);
        Assert.That(gone.ExitCode, Is.EqualTo(1));
        Assert.That(gone.Stderr, Does.Contain("widgets.example.com \"held\" not found"));
    }

    [Test]
    public async Task Delete_WithWait_ReturnsOnceObjectIsGone()
    {
        await InstallCrdAsync();
        await Ok("apply", "-f", Kubectl.WriteFile("w.yaml", TestManifests.Widget("bye", "red")));

        var deleted = await Ok("delete", "widget", "bye", "--timeout=20s");

        Assert.That(deleted.Stdout, Does.Contain("widget.example.com \"bye\" deleted"));
    }

    [Test]
    public async Task Wait_ForConditionSetLater_Succeeds()
    {
        await InstallCrdAsync();
        await Ok("apply", "-f", Kubectl.WriteFile("w.yaml", TestManifests.Widget("ready", "red")));
        var waiting = Kubectl.RunAsync(TimeSpan.FromSeconds(40), "wait", "--for=condition=Ready", "--timeout=30s", "widget/ready");

        await Ok("patch", "widget", "ready", "--subresource=status", "--type=merge", "-p",
            "{\"status\":{\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\",\"reason\":\"Done\",\"message\":\"ok\"}]}}");
        var result = await waiting;

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Stdout, Does.Contain("widget.example.com/ready condition met"));
    }

    [Test]
    public async Task GetWatch_ReceivesLaterEvents()
    {
        await InstallCrdAsync();
        await Ok("apply", "-f", Kubectl.WriteFile("a.yaml", TestManifests.Widget("first", "red")));
        using var watch = Kubectl.Start("get", "widgets", "-w");
        var lines = new List<string>();
        var reader = Task.Run(async () =>
        {
            while (await watch.StandardOutput.ReadLineAsync() is { } line)
            {
                lock (lines)
                {
                    lines.Add(line);
                }
            }
        });

        try
        {
            Assert.That(await Eventually.TrueAsync(() => Task.FromResult(Snapshot(lines).Any(l => l.StartsWith("first", StringComparison.Ordinal)))), Is.True);
            await Ok("apply", "-f", Kubectl.WriteFile("b.yaml", TestManifests.Widget("second", "blue")));

            Assert.That(await Eventually.TrueAsync(() => Task.FromResult(Snapshot(lines).Any(l => l.StartsWith("second", StringComparison.Ordinal)))),
                Is.True, string.Join('\n', Snapshot(lines)));
            Assert.That(Snapshot(lines).First(l => l.StartsWith("second", StringComparison.Ordinal)), Does.Contain("blue"));
        }
        finally
        {
            watch.Kill(entireProcessTree: true);
            await reader;
        }
    }

    [Test]
    public async Task ApiResources_AfterCrd_ListsWidgets()
    {
        await InstallCrdAsync();

        var result = await Ok("api-resources");

        Assert.That(result.Stdout, Does.Match("widgets\\s+wd\\s+example.com/v1\\s+true\\s+Widget"));
        Assert.That(result.Stdout, Does.Match("deployments\\s+deploy\\s+apps/v1\\s+true\\s+Deployment"));
    }

    [Test]
    public async Task Explain_WidgetSpec_ShowsSchemaDescriptions()
    {
        await InstallCrdAsync();

        var result = await Ok("explain", "widgets.spec");

        Assert.That(result.Stdout, Does.Contain("The desired widget."));
        Assert.That(result.Stdout, Does.Contain("Paint colour."));
    }

    [Test]
    public async Task ApplyDeployment_TwiceWithNewImage_ConfiguredAndRolledSpec()
    {
        var manifest = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              selector:
                matchLabels: {app: web}
              template:
                metadata:
                  labels: {app: web}
                spec:
                  containers:
                  - name: web
                    image: nginx:1
                    ports:
                    - containerPort: 80
            """;
        var path = Kubectl.WriteFile("d.yaml", manifest);
        await Ok("apply", "-f", path);
        Kubectl.WriteFile("d.yaml", manifest.Replace("nginx:1", "nginx:2", StringComparison.Ordinal));

        var second = await Ok("apply", "-f", path);
        var image = await Ok("get", "deploy", "web", "-o", "jsonpath={.spec.template.spec.containers[0].image}/{.metadata.generation}/{.spec.replicas}");
        var table = await Ok("get", "deployments");

        Assert.That(second.Stdout, Does.Contain("deployment.apps/web configured"));
        Assert.That(image.Stdout, Is.EqualTo("nginx:2/2/1"));
        Assert.That(table.Stdout, Does.Match("NAME\\s+READY\\s+UP-TO-DATE\\s+AVAILABLE\\s+AGE"));
    }

    [Test]
    public async Task CreateSecretAndConfigMap_FromLiterals_StoredBase64()
    {
        await Ok("create", "secret", "generic", "creds", "--from-literal=password=s3cret");
        await Ok("create", "configmap", "cfg", "--from-literal=a=b");

        var data = await Ok("get", "secret", "creds", "-o", "jsonpath={.data.password}/{.type}");
        var cm = await Ok("get", "cm", "cfg", "-o", "jsonpath={.data.a}");

        Assert.That(data.Stdout, Is.EqualTo("czNjcmV0/Opaque"));
        Assert.That(cm.Stdout, Is.EqualTo("b"));
    }

    [Test]
    public async Task CreateWorkloads_ProtobufBodies_DecodedAndPrintedWithServerColumns()
    {
        await Ok("create", "deployment", "web", "--image=nginx", "--port=80", "--replicas=2");
        await Ok("create", "job", "once", "--image=busybox", "--", "echo", "hi");
        await Ok("create", "service", "loadbalancer", "lb", "--tcp=443:8443");

        var deployment = await Ok("get", "deploy", "web", "-o", "jsonpath={.spec.replicas}/{.spec.template.spec.containers[0].image}/{.spec.template.spec.containers[0].ports[0].containerPort}");
        var job = await Ok("get", "job", "once", "-o", "jsonpath={.spec.template.spec.containers[0].command[1]}/{.spec.template.spec.restartPolicy}");
        var services = await Ok("get", "svc", "lb");

        Assert.That(deployment.Stdout, Is.EqualTo("2/nginx/80"));
        Assert.That(job.Stdout, Is.EqualTo("hi/Never"));
        Assert.That(services.Stdout, Does.Match("lb\\s+LoadBalancer\\s+10\\.96\\.\\d+\\.\\d+\\s+<pending>\\s+443:3\\d{4}/TCP"));
    }

    private static List<string> Snapshot(List<string> lines)
    {
        lock (lines)
        {
            return [.. lines];
        }
    }
}
