using System.Text.Json.Nodes;
using OciOperator.ResourceGraph.Definitions;
using OciOperator.ResourceGraph.Diagnostics;
using OciOperator.ResourceGraph.Tests.Building.BadRgd;
using OciOperator.ResourceGraph.Tests.Support;

namespace OciOperator.ResourceGraph.Tests.Definitions;

/// <summary>
/// A sample of the bad-RGD catalogue (<c>Building/BadRgd</c>) through the real kubectl to a running RGD controller:
/// the API server admits them, and each ends Inactive with kro's message in <c>kubectl get rgd -o yaml</c> and in
/// <c>kubectl describe rgd</c>, with one Warning Event. (Admission errors from the API server are pinned by
/// <c>Api/RgdCrdKubectlTests</c>.)
/// </summary>
[NonParallelizable]
public sealed class BadRgdKubectlTests
{
    private RgdEngine _engine = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        if (!KubectlRunner.Available)
        {
            Assert.Ignore("kubectl is not installed at /usr/bin/kubectl (.ci/run installs it).");
        }

        _engine = await RgdEngine.StartAsync();
        await _engine.ApplyAsync(TestKinds.WidgetCrd + "\n---\n" + TestKinds.GadgetCrd, "test-kinds.yaml");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_engine is not null)
        {
            await _engine.DisposeAsync();
        }
    }

    /// <summary>Every ninth builder-level case of the catalogue, spread over its groups.</summary>
    public static IEnumerable<TestCaseData> Sample() =>
        BadRgdCases.Naming().Concat(BadRgdCases.Extraction()).Concat(BadRgdCases.Dependencies())
            .Concat(BadRgdCases.TypeChecking()).Concat(BadRgdCases.Status()).Concat(BadRgdCases.SimpleSchemaErrors())
            .Where((_, i) => i % 9 == 0)
            .Select((c, i) => new TestCaseData(c.Arguments[0], c.Arguments[1], i).SetName("Apply_" + c.TestName!.Replace(' ', '_').Replace(':', '_')));

    [TestCaseSource(nameof(Sample))]
    public async Task Apply_BadRgd_InactiveWithKroMessageInYamlDescribeAndEvent(JsonObject rgd, string fragment, int index)
    {
        var name = $"bad-{index}";
        var document = rgd.DeepClone().AsObject();
        document["metadata"] = new JsonObject { ["name"] = name };
        await _engine.ApplyAsync(document.ToJsonString(), name + ".json");

        var status = await _engine.WaitForRgdAsync(name, s => RgdEngine.ConditionStatus(s, RgdConditions.GraphAccepted) == RgdConditions.False, "GraphAccepted False");

        Assert.That(RgdEngine.State(status), Is.EqualTo(RgdConditions.StateInactive));
        Assert.That(RgdEngine.Condition(status, RgdConditions.GraphAccepted)!["reason"]!.GetValue<string>(), Is.EqualTo(RgdConditions.Reasons.InvalidResourceGraph));
        Assert.That(RgdEngine.ConditionMessage(status, RgdConditions.GraphAccepted), Does.Contain(fragment));
        var yaml = await _engine.Kubectl.RunAsync("get", "rgd", name, "-o", "yaml");
        Assert.That(yaml.Stdout, Does.Contain("reason: InvalidResourceGraph").And.Contain("state: Inactive"), yaml.ToString());
        Assert.That(Unfold(yaml.Stdout), Does.Contain(YamlWords(fragment)), "the message in -o yaml");
        var describe = await Eventually.UntilAsync(() => _engine.Kubectl.RunAsync("describe", "rgd", name), d => d.Stdout.Contains("Warning", StringComparison.Ordinal), "the Warning Event in describe");
        Assert.That(describe.Stdout, Does.Contain("InvalidResourceGraph"));
        Assert.That(Unfold(describe.Stdout), Does.Contain(YamlWords(fragment)), "the message in describe");
        var events = await _engine.Kubectl.RunAsync("get", "events", "-A", "--field-selector", $"involvedObject.name={name}", "-o", "jsonpath={range .items[*]}{.type}/{.reason}{\"\\n\"}{end}");
        Assert.That(events.Stdout.Trim().Split('\n'), Is.EqualTo(new[] { "Warning/InvalidResourceGraph" }), "one Warning Event, not one per retry: " + events);
    }

    // kubectl folds long lines and quotes; compare on words.
    private static string Unfold(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\t', '\'', '"', '\\'], StringSplitOptions.RemoveEmptyEntries));

    private static string YamlWords(string fragment) => Unfold(fragment.Replace("''", "'", StringComparison.Ordinal));
}
