using OciOperator.Commands;

namespace OciOperator.Tests.Packaging;

/// <summary>
/// bundle/ is exactly what <c>oci-operator bundle generate</c> makes of config/ (no hand edits, no stale files). With
/// OCI_OPERATOR_UPDATE_MANIFESTS=1 (or OCI_OPERATOR_UPDATE_CRDS=1) the fixture first regenerates it.
/// </summary>
[NonParallelizable]
public sealed class BundleDriftTests
{
    private string _generated = null!;

    [OneTimeSetUp]
    public async Task GenerateAsync()
    {
        if (PackagingFiles.UpdateRequested)
        {
            Assert.That(await GenerateIntoAsync(PackagingFiles.BundleDirectory), Is.Zero);
        }

        _generated = Path.Combine(Path.GetTempPath(), "bundle-" + Guid.NewGuid().ToString("N"));
        Assert.That(await GenerateIntoAsync(_generated), Is.Zero);
    }

    [OneTimeTearDown]
    public void Cleanup()
    {
        if (_generated is not null && Directory.Exists(_generated))
        {
            Directory.Delete(_generated, recursive: true);
        }
    }

    [Test]
    public void CommittedBundle_HasExactlyTheGeneratedFiles()
    {
        Assert.That(Files(PackagingFiles.BundleDirectory), Is.EqualTo(Files(_generated)),
            $"bundle/ has stale or missing files. Regenerate with: dotnet run --project src/OciOperator -- bundle generate (or {PackagingFiles.UpdateVariable}=1)");
    }

    [Test]
    public void CommittedBundle_EqualsGeneratedFromConfig()
    {
        foreach (var file in Files(_generated))
        {
            var committed = Path.Combine(PackagingFiles.BundleDirectory, file);
            Assert.That(File.Exists(committed), Is.True, $"bundle/{file} is missing. {PackagingFiles.RegenerateHint}");
            Assert.That(File.ReadAllText(committed), Is.EqualTo(File.ReadAllText(Path.Combine(_generated, file))),
                $"bundle/{file} differs from what config/ generates. {PackagingFiles.RegenerateHint}");
        }
    }

    [Test]
    public async Task Generate_StaleManifest_IsRemoved()
    {
        var stale = Path.Combine(_generated, "manifests", "old-role_rbac.authorization.k8s.io_v1_clusterrole.yaml");
        await File.WriteAllTextAsync(stale, "kind: ClusterRole\n");

        Assert.That(await GenerateIntoAsync(_generated), Is.Zero);

        Assert.That(File.Exists(stale), Is.False);
    }

    [Test]
    public async Task Generate_MissingConfigDirectory_ExitsOneWithOneErrorLine()
    {
        using var stderr = new StringWriter();

        var exit = await BundleCommand.RunAsync(Path.Combine(_generated, "no-such-config"), _generated, "kubectl", TextWriter.Null, stderr, CancellationToken.None);

        Assert.That(exit, Is.EqualTo(1));
        Assert.That(stderr.ToString(), Does.StartWith("error: config/manifests/bases/oci-operator.clusterserviceversion.yaml does not exist"));
    }

    private static async Task<int> GenerateIntoAsync(string output) =>
        await BundleCommand.RunAsync(PackagingFiles.Config, output, "kubectl", TextWriter.Null, TestContext.Progress, CancellationToken.None);

    private static List<string> Files(string root) =>
        [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(root, p)).Order(StringComparer.Ordinal)];
}
