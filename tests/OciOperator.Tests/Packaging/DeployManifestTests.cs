using OciOperator.Tests.Support;

namespace OciOperator.Tests.Packaging;

/// <summary>
/// Each deploy/ file is exactly <c>kubectl kustomize</c> of its overlay (plus a header), and the README's
/// <c>kubectl apply -f deploy/FILE</c> installs it in the Sandbox with the real kubectl.
/// </summary>
[NonParallelizable]
public sealed class DeployManifestTests
{
    private static IEnumerable<TestCaseData> Overlays() =>
        PackagingFiles.Overlays.Select(o => new TestCaseData(o.Overlay, o.DeployFile).SetArgDisplayNames(o.Overlay));

    [OneTimeSetUp]
    public async Task RegenerateWhenAskedAsync()
    {
        if (!PackagingFiles.UpdateRequested)
        {
            return;
        }

        foreach (var (overlay, file) in PackagingFiles.Overlays)
        {
            await File.WriteAllTextAsync(PackagingFiles.DeployPath(file), PackagingFiles.DeployText(overlay, file, await PackagingFiles.RenderAsync(overlay)));
        }
    }

    [TestCaseSource(nameof(Overlays))]
    public async Task DeployFile_EqualsKustomizeOfItsOverlay(string overlay, string file)
    {
        var expected = PackagingFiles.DeployText(overlay, file, await PackagingFiles.RenderAsync(overlay));

        Assert.That(File.Exists(PackagingFiles.DeployPath(file)), Is.True, $"deploy/{file} is missing. {PackagingFiles.RegenerateHint}");
        Assert.That(await File.ReadAllTextAsync(PackagingFiles.DeployPath(file)), Is.EqualTo(expected),
            $"deploy/{file} differs from kubectl kustomize config/{overlay}. {PackagingFiles.RegenerateHint}");
    }

    [Test]
    public void DeployDirectory_HoldsOneFilePerOverlayAndNothingElse()
    {
        var files = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "deploy")).Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.That(files, Is.EqualTo(PackagingFiles.Overlays.Select(o => o.DeployFile).Order(StringComparer.Ordinal)));
    }

    [TestCaseSource(nameof(Overlays))]
    public async Task KubectlApply_DeployFile_InstallsInTheSandbox(string overlay, string file)
    {
        if (!KubectlRunner.Available)
        {
            Assert.Ignore("kubectl is not installed at /usr/bin/kubectl (.ci/run installs it).");
        }

        await using var kube = await KubeTestServer.StartAsync();
        using var kubectl = new KubectlRunner(kube.Server.BuildKubeconfig());

        var applied = await kubectl.RunAsync("apply", "-f", PackagingFiles.DeployPath(file));
        Assert.That(applied.ExitCode, Is.Zero, applied.ToString());

        var expected = PackagingFiles.ParseFile(PackagingFiles.DeployPath(file));
        Assert.That(applied.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(expected.Count), applied.ToString());

        var deployment = await kubectl.RunAsync("get", "deployment", "-n", PackagingFiles.OperatorNamespace, PackagingFiles.ServiceAccount, "-o", "jsonpath={.spec.template.spec.containers[0].args}");
        Assert.That(deployment.ExitCode, Is.Zero, deployment.ToString());
        Assert.That(deployment.Stdout, Does.Contain(overlay == "default" ? "--controllers=dbsystem,rgd" : "--controllers=dbsystem\""), deployment.ToString());

        var roles = await kubectl.RunAsync("get", "clusterroles", "-l", "app.kubernetes.io/name=oci-operator", "-o", "name");
        Assert.That(roles.ExitCode, Is.Zero, roles.ToString());
        Assert.That(roles.Stdout, Does.Contain("clusterrole.rbac.authorization.k8s.io/oci-operator-dbsystem-controller-role"));
        Assert.That(roles.Stdout.Contains("oci-operator-graph-engine-role", StringComparison.Ordinal), Is.EqualTo(overlay == "default"), roles.ToString());

        var rgdCrd = await kubectl.RunAsync("get", "crd", "resourcegraphdefinitions.kro.run");
        Assert.That(rgdCrd.ExitCode == 0, Is.EqualTo(overlay == "default"), rgdCrd.ToString());

        var again = await kubectl.RunAsync("apply", "-f", PackagingFiles.DeployPath(file));
        Assert.That(again.ExitCode, Is.Zero, again.ToString());
        Assert.That(again.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.All.EndsWith(" unchanged"), again.ToString());
    }
}
