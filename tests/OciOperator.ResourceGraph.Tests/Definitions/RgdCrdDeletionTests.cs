using OciOperator.ResourceGraph.Definitions;
using OciOperator.Runtime.Reconciliation;

namespace OciOperator.ResourceGraph.Tests.Definitions;

/// <summary>With <c>--allow-crd-deletion</c>, deleting an RGD deletes the CRD it owns (kro.md §7.1), and with it the instances.</summary>
[NonParallelizable]
public sealed class RgdCrdDeletionTests
{
    [Test]
    public async Task Delete_RgdWithAllowCrdDeletion_CrdAndInstancesGone()
    {
        if (!KubectlRunner.Available)
        {
            Assert.Ignore("kubectl is not installed at /usr/bin/kubectl (.ci/run installs it).");
        }

        await using var engine = await RgdEngine.StartAsync(new ResourceGraphControllerOptions { AllowCrdDeletion = true });
        await engine.ApplyAsync(RgdYaml.Rgd("gone", "GoneApp"));
        await engine.WaitForRgdAsync("gone", RgdEngine.IsActive, "Active");
        await engine.ApplyAsync(RgdYaml.Instance("GoneApp", "one", "x"), "one.yaml");
        var type = new ResourceType("kro.run", "v1alpha1", "GoneApp", "goneapps");
        await Eventually.UntilAsync(() => engine.GetAsync(type, "default", "one"), i => i?["status"]?["state"]?.GetValue<string>() == "ACTIVE", "the instance to be ACTIVE");

        var deleted = await engine.Kubectl.RunAsync("delete", "rgd", "gone", "--timeout=30s");

        Assert.That(deleted.ExitCode, Is.Zero, deleted.ToString());
        await Eventually.WaitAsync(async () => await engine.GetCrdAsync("goneapps.kro.run") is null, "the CRD to be deleted");
        await Eventually.WaitAsync(async () => (await engine.Kubectl.RunAsync("get", "crd", "goneapps.kro.run")).ExitCode != 0, "kubectl to see the CRD gone");
    }
}
