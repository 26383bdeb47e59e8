using System.Text.Json.Nodes;
using OciOperator.ResourceGraph.Building;
using OciOperator.ResourceGraph.Graph;
using OciOperator.ResourceGraph.Instances;
using OciOperator.ResourceGraph.Tests.Support;
using OciOperator.Sandbox.Kube.Serialization;
using static OciOperator.ResourceGraph.Tests.Building.BadRgd.BadRgdCase;

namespace OciOperator.ResourceGraph.Tests.Instances;

/// <summary>The runtime on small RGDs of Widgets: gating, includeWhen, forEach, omit, external refs, errors, conditions.</summary>
public sealed class InstanceRuntimeTests
{
    private const string A = "- id: a\n  template: {apiVersion: test.kro.dev/v1, kind: Widget, metadata: {name: a}, spec: {name: '${schema.spec.name}'}}";

    private static CompiledGraph Compile(JsonObject rgd)
    {
        var result = new GraphBuilder(TestKinds.Catalog(withDbSystem: false), new GraphBuildOptions { EnableOmit = true }).Build(rgd);
        Assert.That(result.Errors, Is.Empty, result.Message);
        return result.Graph!;
    }

    private static JsonObject Instance(string spec = "{}") =>
        YamlToJson.Parse($"apiVersion: kro.run/v1alpha1\nkind: TestApp\nmetadata: {{name: demo, namespace: ns1}}\nspec: {spec}")!.AsObject();

    private static string B(string spec, string extra = "") => Widget("b", spec, extra, name: "b");

    private static JsonObject Obj(string yaml) => YamlToJson.Parse(yaml)!.AsObject();

    private static JsonObject WidgetObj(string name, string status = "{}", string ns = "ns1") =>
        Obj($"{{apiVersion: test.kro.dev/v1, kind: Widget, metadata: {{name: {name}, namespace: {ns}}}, spec: {{}}, status: {status}}}");

    [Test]
    public void Run_DependencyNotReady_DependentWaitsAndNamesIt()
    {
        var graph = Compile(Rgd(A.Replace("template:", "readyWhen: ['${a.status.ready}']\n  template:", StringComparison.Ordinal) + "\n" + B("name: ${a.metadata.name}")));

        var run = InstanceRuntime.Run(graph, Instance(), new ObservedState().Set("a", WidgetObj("a", "{ready: false}")));

        Assert.That(run.Node("a").Outcome, Is.EqualTo(new NodeOutcome.WaitingOnReadiness("Widget ns1/a", "readyWhen a.status.ready is not true yet")));
        Assert.That(run.Node("b").Outcome, Is.TypeOf<NodeOutcome.WaitingOnDependency>());
        Assert.That(run.Node("b").Desired, Is.Empty);
        Assert.That(run.Node("a").Resolvable, Is.True);
    }

    [Test]
    public void Run_ReadyDependencyLacksStatusField_WaitingOnDataNotError()
    {
        var graph = Compile(Rgd(A + "\n" + B("name: ${a.status.address}")));

        var run = InstanceRuntime.Run(graph, Instance(), new ObservedState().Set("a", WidgetObj("a")));

        var outcome = (NodeOutcome.WaitingOnData)run.Node("b").Outcome;
        Assert.That(outcome.Path, Is.EqualTo("spec.name"));
        Assert.That(run.State, Is.EqualTo(InstanceState.InProgress));
    }

    [Test]
    public void Run_ReadyDependencyHasValue_DependentResolved()
    {
        var graph = Compile(Rgd(A + "\n" + B("name: ${a.status.address}")));

        var run = InstanceRuntime.Run(graph, Instance(), new ObservedState().Set("a", WidgetObj("a", "{address: 10.1.1.1}")));

        Assert.That(run.Node("b").Desired.Single()["spec"]!["name"]!.GetValue<string>(), Is.EqualTo("10.1.1.1"));
        Assert.That(run.Node("b").Desired.Single()["metadata"]!["namespace"]!.GetValue<string>(), Is.EqualTo("ns1"));
    }

    private static IEnumerable<TestCaseData> IncludeCases()
    {
        yield return new TestCaseData("${schema.spec.enabled}", "{enabled: false}", "Excluded,Excluded,Readiness").SetName("Run_IncludeWhenFalse_ExcludesDependentsToo");
        yield return new TestCaseData("${schema.spec.enabled}", "{enabled: true}", "Readiness,Dependency,Readiness").SetName("Run_IncludeWhenTrue_Included");
    }

    [TestCaseSource(nameof(IncludeCases))]
    public void Run_IncludeWhen_Outcomes(string condition, string spec, string expected)
    {
        var graph = Compile(Rgd(A.Replace("template:", $"includeWhen: ['{condition}']\n  template:", StringComparison.Ordinal) + "\n" + B("name: ${a.metadata.name}") + "\n"
            + Widget("c", name: "c")));

        var run = InstanceRuntime.Run(graph, Instance(spec), ObservedState.Empty);

        Assert.That(string.Join(",", run.Nodes.Select(n => Short(n.Outcome))), Is.EqualTo(expected));
    }

    [Test]
    public void Run_IncludeWhenOnResourceStatus_WaitsUntilReadyThenDecides()
    {
        var graph = Compile(Rgd(A + "\n" + B("name: x", "includeWhen: ['${a.status.ready}']")));

        var waiting = InstanceRuntime.Run(graph, Instance(), ObservedState.Empty);
        var excluded = InstanceRuntime.Run(graph, Instance(), new ObservedState().Set("a", WidgetObj("a", "{ready: false}")));

        Assert.That(waiting.Node("b").Outcome, Is.EqualTo(new NodeOutcome.WaitingOnDependency(["a"])).Using<NodeOutcome>(SameOutcome));
        Assert.That(excluded.Node("b").Outcome, Is.TypeOf<NodeOutcome.Excluded>());
        Assert.That(excluded.State, Is.EqualTo(InstanceState.Active));
    }

    [Test]
    public void Run_ForEach_CartesianItemsWithPerItemReadiness()
    {
        var graph = Compile(Rgd(Widget("w", "name: ${t}", name: "${'w-' + t + '-' + string(n)}", extra: "forEach:\n  - t: '${schema.spec.tags}'\n  - n: '${[1, 2]}'\nreadyWhen: ['${each.status.ready}']")));
        var instance = Instance("{tags: [x, y]}");
        var desired = InstanceRuntime.Run(graph, instance, ObservedState.Empty).Node("w").Desired;
        var observed = new ObservedState();
        foreach (var item in desired)
        {
            observed.Set("w", WidgetObj(item["metadata"]!["name"]!.GetValue<string>(), "{ready: true}"));
        }

        observed.Set("w", WidgetObj("w-y-2", "{ready: false}"));
        var run = InstanceRuntime.Run(graph, instance, observed);

        Assert.That(desired.Select(d => d["metadata"]!["name"]!.GetValue<string>()), Is.EqualTo(new[] { "w-x-1", "w-x-2", "w-y-1", "w-y-2" }));
        Assert.That(run.Node("w").Outcome, Is.EqualTo(new NodeOutcome.WaitingOnReadiness("Widget ns1/w-y-2", "readyWhen each.status.ready is not true yet")));
    }

    [Test]
    public void Run_ForEachEmptyList_ReadyAndDependentsSeeEmptyList()
    {
        var graph = Compile(Rgd(Widget("w", "name: ${t}", name: "${'w-' + t}", extra: "forEach:\n  - t: '${schema.spec.tags}'") + "\n" + B("replicas: ${size(w)}")));

        var run = InstanceRuntime.Run(graph, Instance("{tags: []}"), ObservedState.Empty);

        Assert.That(run.Node("w").Outcome, Is.TypeOf<NodeOutcome.Ready>());
        Assert.That(run.Node("b").Desired.Single()["spec"]!["replicas"]!.GetValue<long>(), Is.Zero);
    }

    private static IEnumerable<TestCaseData> CollectionErrors()
    {
        yield return new TestCaseData("${'w-' + string(size(t))}", "{tags: [ab, cd]}", "collection items collide: more than one item is named ns1/w-2").SetName("Run_ForEachItemsSameName_Error");
        yield return new TestCaseData("${'w-' + t}", "{tags: " + "[" + string.Join(",", Enumerable.Range(0, 1001).Select(i => "t" + i)) + "]}",
            "collection size of 1001 is over the maximum collection size of 1000").SetName("Run_ForEachOverLimit_Error");
    }

    [TestCaseSource(nameof(CollectionErrors))]
    public void Run_ForEach_Errors(string name, string spec, string message)
    {
        var graph = Compile(Rgd(Widget("w", "name: ${t}", name: name, extra: "forEach:\n  - t: '${schema.spec.tags}'")));

        var run = InstanceRuntime.Run(graph, Instance(spec), ObservedState.Empty);

        Assert.That(run.Node("w").Outcome, Is.EqualTo(new NodeOutcome.Failed(message)));
        Assert.That(run.State, Is.EqualTo(InstanceState.Error));
    }

    [Test]
    public void Run_Omit_RemovesFieldFromDesired()
    {
        var graph = Compile(Rgd(Widget("w", "name: '${schema.spec.name == \"app\" ? omit() : schema.spec.name}'\nreplicas: 3", name: "w")));

        var desired = InstanceRuntime.Run(graph, Instance(), ObservedState.Empty).Node("w").Desired.Single();

        Assert.That(desired["spec"]!.AsObject().ContainsKey("name"), Is.False);
    }

    [Test]
    public void Run_RuntimeEvaluationError_FailedWithExpression()
    {
        var graph = Compile(Rgd(Widget("w", "replicas: ${schema.spec.replicas / 0}", name: "w")));

        var run = InstanceRuntime.Run(graph, Instance(), ObservedState.Empty);

        Assert.That(((NodeOutcome.Failed)run.Node("w").Outcome).Message, Does.Contain("spec.replicas").And.Contain("division by zero"));
        Assert.That(run.Summary(), Does.StartWith("resource error: w: spec.replicas"));
    }

    [Test]
    public void Run_ExternalRefMissingThenPresent_GatesDependent()
    {
        var graph = Compile(Rgd("- id: ext\n  externalRef: {apiVersion: test.kro.dev/v1, kind: Widget, metadata: {name: '${schema.spec.name}'}}\n" + B("name: ${ext.status.address}")));

        var missing = InstanceRuntime.Run(graph, Instance(), ObservedState.Empty);
        var present = InstanceRuntime.Run(graph, Instance(), new ObservedState().Set("ext", WidgetObj("app", "{address: here}")));

        Assert.That(missing.Node("ext").Outcome, Is.EqualTo(new NodeOutcome.WaitingOnReadiness("Widget ns1/app", "the external object does not exist")));
        Assert.That(missing.Node("ext").Resolvable, Is.False);
        Assert.That(present.Node("b").Desired.Single()["spec"]!["name"]!.GetValue<string>(), Is.EqualTo("here"));
    }

    [Test]
    public void Run_AuthorCondition_ComputedFromObservedState()
    {
        var graph = Compile(Rgd(A, StatusSchema("conditions:\n  - '${runtime.newCondition({type: \"AReady\", status: a.status.ready ? \"True\" : \"False\", reason: \"Observed\"})}'")));

        var run = InstanceRuntime.Run(graph, Instance(), new ObservedState().Set("a", WidgetObj("a", "{ready: true}")));

        Assert.That(JsonText.Canonical(run.AuthorConditions.Single()), Is.EqualTo(JsonText.Of("{type: AReady, status: 'True', reason: Observed, message: ''}")));
    }

    private static bool SameOutcome(NodeOutcome x, NodeOutcome y) => x.Describe("n") == y.Describe("n");

    private static string Short(NodeOutcome outcome) => outcome.GetType().Name switch
    {
        "WaitingOnReadiness" => "Readiness",
        "WaitingOnDependency" => "Dependency",
        "WaitingOnData" => "Data",
        var n => n,
    };
}
