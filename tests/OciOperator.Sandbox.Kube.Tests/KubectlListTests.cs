using OciOperator.Sandbox.Kube.Tests.Support;

namespace OciOperator.Sandbox.Kube.Tests;

/// <summary>The real kubectl with manifests of <c>kind: List</c>, as <c>kubectl get -o yaml</c> writes them.</summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class KubectlListTests : KubectlFixture
{
    private const string List = """
        apiVersion: v1
        kind: List
        items:
        - apiVersion: v1
          kind: ConfigMap
          metadata:
            name: first
          data:
            a: "1"
        - apiVersion: v1
          kind: Secret
          metadata:
            name: second
          stringData:
            b: "2"
        """;

    [TestCase("apply", TestName = "ApplyClientSide_KindList_CreatesEveryItem")]
    [TestCase("apply --server-side", TestName = "ApplyServerSide_KindList_CreatesEveryItem")]
    [TestCase("create", TestName = "Create_KindList_CreatesEveryItem")]
    public async Task Verb_KindList_CreatesEveryItem(string verb)
    {
        var path = Kubectl.WriteFile("list.yaml", List);

        var result = await Kubectl.RunAsync([.. verb.Split(' '), "-f", path]);
        var get = await Kubectl.RunAsync("get", "configmap/first", "secret/second", "-o", "name");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(get.Stdout, Does.Contain("configmap/first").And.Contain("secret/second"), get.ToString());
    }

    [Test]
    public async Task ApplyTwice_KindList_SecondLeavesTheConfigMapUnchanged()
    {
        var path = Kubectl.WriteFile("list.yaml", List);

        var first = await Kubectl.RunAsync("apply", "-f", path);
        var second = await Kubectl.RunAsync("apply", "-f", path);

        Assert.That(first.ExitCode, Is.EqualTo(0), first.ToString());
        Assert.That(second.ExitCode, Is.EqualTo(0), second.ToString());
        // A Secret with stringData always shows "configured" on a real cluster too (its patch re-sends stringData).
        Assert.That(second.Stdout, Does.Contain("configmap/first unchanged").And.Contain("secret/second"), second.ToString());
    }

    [Test]
    public async Task GetAsYamlThenApply_RoundTripsThroughKindList()
    {
        var path = Kubectl.WriteFile("list.yaml", List);
        Assert.That((await Kubectl.RunAsync("create", "-f", path)).ExitCode, Is.EqualTo(0));

        var exported = await Kubectl.RunAsync("get", "configmaps,secrets", "-o", "yaml");
        var again = await Kubectl.RunAsync("apply", "-f", Kubectl.WriteFile("exported.yaml", exported.Stdout));

        Assert.That(exported.Stdout, Does.Contain("kind: List"));
        Assert.That(again.ExitCode, Is.EqualTo(0), again.ToString());
    }
}
