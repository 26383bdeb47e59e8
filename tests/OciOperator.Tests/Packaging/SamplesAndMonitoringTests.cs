using System.Text.Json.Nodes;
using static OciOperator.Tests.Packaging.PackagingFiles;

namespace OciOperator.Tests.Packaging;

/// <summary>config/samples holds the seed walkthrough verbatim (the README needs no ../shared); config/prometheus scrapes the manager.</summary>
public sealed class SamplesAndMonitoringTests
{
    private static readonly string[] SeedFiles = ["dbsystem_sample.yaml", "osok_kro_demo_rgd.yaml", "osok_kro_demo.yaml"];

    [TestCaseSource(nameof(SeedFiles))]
    public void Sample_IsAByteCopyOfTheSeed(string file)
    {
        var seed = RepositoryPaths.SeedFixture(file);
        if (!File.Exists(seed))
        {
            Assert.Ignore($"{seed} is not beside the clone.");
        }

        Assert.That(File.ReadAllBytes(Path.Combine(Config, "samples", file)), Is.EqualTo(File.ReadAllBytes(seed)), $"config/samples/{file} must equal the seed: copy it again");
    }

    [Test]
    public async Task Samples_GiveTheDbSystemItsAdminSecret()
    {
        var objects = await RenderObjectsAsync("samples");
        var dbSystem = Single(objects, "DbSystem");
        var secret = Single(objects, "Secret", Str(dbSystem["spec"]?["adminPassword"]?["secret"]?["secretName"]));

        Assert.That(Str(dbSystem["spec"]?["adminUsername"]?["secret"]?["secretName"]), Is.EqualTo(Name(secret)));
        Assert.That(secret["stringData"]?["username"], Is.Not.Null);
        Assert.That(secret["stringData"]?["password"], Is.Not.Null);
    }

    [Test]
    public async Task ServiceMonitor_ScrapesTheMetricsServiceOfTheManagerPods()
    {
        var objects = await RenderObjectsAsync("prometheus");
        var monitor = Single(objects, "ServiceMonitor");
        var service = Single(objects, "Service");
        var pod = ManagerDeploymentTests.PodSpec(await RenderObjectsAsync("default"));
        var podLabels = Single(await RenderObjectsAsync("default"), "Deployment")["spec"]!["template"]!["metadata"]!["labels"]!.AsObject();
        var containerPorts = ManagerDeploymentTests.Manager(pod)["ports"]!.AsArray().OfType<JsonObject>().Select(p => Str(p["name"]));

        Assert.Multiple(() =>
        {
            Assert.That(Str(monitor["metadata"]?["namespace"]), Is.EqualTo(OperatorNamespace));
            Assert.That(monitor["spec"]!["selector"]!["matchLabels"]!.AsObject().All(l => Str(service["metadata"]?["labels"]?[l.Key]) == Str(l.Value)), Is.True, "monitor selects the Service");
            Assert.That(monitor["spec"]!["endpoints"]!.AsArray().Select(e => Str(e?["port"])), Is.SubsetOf(service["spec"]!["ports"]!.AsArray().Select(p => Str(p?["name"]))), "monitor port names a Service port");
            Assert.That(service["spec"]!["selector"]!.AsObject().All(l => Str(podLabels[l.Key]) == Str(l.Value)), Is.True, "Service selects the manager pods");
            Assert.That(service["spec"]!["ports"]!.AsArray().Select(p => Str(p?["targetPort"])), Is.SubsetOf(containerPorts), "Service targets a container port");
        });
    }
}
