using OciOperator.Demo;

namespace OciOperator.Tests.Demo;

public sealed class DemoGuideTests
{
    private static readonly DemoWalkthrough Walkthrough = DemoWalkthrough.Embedded();

    [Test]
    public void Embedded_Manifests_AreTheRepositorySamplesByteForByte()
    {
        foreach (var file in new[] { DemoWalkthrough.RgdFile, DemoWalkthrough.InstanceFile })
        {
            var sample = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "config", "samples", file));
            Assert.That(DemoWalkthrough.ReadResource(file), Is.EqualTo(sample), file);
        }
    }

    [Test]
    public void Embedded_Walkthrough_IsTheSeedRgdAndInstance()
    {
        Assert.That(
            (Walkthrough.Rgd.Kind, Walkthrough.RgdName, Walkthrough.Instance.Kind, Walkthrough.InstanceName, Walkthrough.Instance.Metadata.NamespaceProperty),
            Is.EqualTo(("ResourceGraphDefinition", "osok-kro-demo", "OsokKroDemoApp", "osok-kro-demo", "demo")));
    }

    [Test]
    public void Parse_InstanceOutsideTheDemoNamespace_IsRefused()
    {
        var rgd = DemoWalkthrough.ReadResource(DemoWalkthrough.RgdFile);
        var instance = DemoWalkthrough.ReadResource(DemoWalkthrough.InstanceFile).Replace("namespace: demo", "namespace: other", StringComparison.Ordinal);

        Assert.That(() => DemoWalkthrough.Parse(rgd, instance), Throws.TypeOf<FormatException>().With.Message.Contains("namespace demo"));
    }

    [Test]
    public void Summary_Address_NamesTheIpKubeconfigAndRunnableCommands()
    {
        var guide = new DemoGuide("/tmp/x/sandbox.kubeconfig", Walkthrough);

        var summary = guide.Summary("203.0.113.7", TimeSpan.FromSeconds(12.34));

        Assert.That(summary, Does.Contain("WordPress IP: 203.0.113.7 (after 12.3s)"));
        Assert.That(summary, Does.Contain("  kubectl --kubeconfig /tmp/x/sandbox.kubeconfig get OsokKroDemoApp -n demo"));
        Assert.That(summary, Does.Contain("  kubectl --kubeconfig /tmp/x/sandbox.kubeconfig get OsokKroDemoApp osok-kro-demo -n demo -o jsonpath='{.status.wordpressSvcIP}'"));
    }

    [Test]
    public void Kubectl_KubeconfigPathWithSpace_IsShellQuoted()
    {
        var guide = new DemoGuide("/tmp/my dir/it's.kubeconfig", Walkthrough);

        Assert.That(guide.Kubectl, Is.EqualTo("kubectl --kubeconfig '/tmp/my dir/it'\\''s.kubeconfig'"));
    }

    [Test]
    public void Problem_InactiveRgd_SaysWhyAndHowToFixIt()
    {
        var guide = new DemoGuide("/k", Walkthrough);

        var lines = guide.Problem(new DemoSnapshot("ResourceGraphDefinition", "osok-kro-demo", DemoPhase.Failed, "Inactive", "cycle between a and b"));

        Assert.That(lines[0], Is.EqualTo("The ResourceGraphDefinition osok-kro-demo is Inactive: cycle between a and b"));
        Assert.That(lines, Has.Some.Contains("kubectl --kubeconfig /k describe rgd osok-kro-demo"));
        Assert.That(lines, Has.Some.Contains("apply -f config/samples/osok_kro_demo_rgd.yaml"));
    }

    [Test]
    public void Problem_InstanceError_PointsAtDescribeOfTheInstance()
    {
        var guide = new DemoGuide("/k", Walkthrough);

        var lines = guide.Problem(new DemoSnapshot("OsokKroDemoApp", "osok-kro-demo", DemoPhase.Failed, "ERROR", "bad"));

        Assert.That(lines[0], Is.EqualTo("The OsokKroDemoApp demo/osok-kro-demo is in ERROR: bad"));
        Assert.That(lines, Has.Some.Contains("describe OsokKroDemoApp osok-kro-demo -n demo"));
    }
}
