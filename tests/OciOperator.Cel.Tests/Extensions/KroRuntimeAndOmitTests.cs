using System.Text.Json.Nodes;
using OciOperator.Cel.Common;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Tests.Extensions;

/// <summary>kro's opt-in helpers: the <c>omit()</c> sentinel and the <c>runtime.*</c> condition functions.</summary>
public sealed class KroRuntimeAndOmitTests
{
    private const string Deployment = """
        {"status": {"conditions": [
          {"type": "Available", "status": "True", "reason": "MinimumReplicasAvailable", "message": "ok"},
          {"type": "Progressing", "status": "False"}
        ]}}
        """;

    private static readonly CelEnvironment Env = CelEnvironment.Create(new CelEnvironmentOptions
    {
        Libraries = CelLibraries.All | CelLibraries.KroOmit | CelLibraries.KroRuntime,
        Variables = new Dictionary<string, CelType> { ["deployment"] = CelType.Dyn, ["schema"] = CelType.Dyn },
    });

    private static IEnumerable<TestCaseData> Conditions()
    {
        yield return new TestCaseData("runtime.newCondition({type: 'Ready', status: 'True', reason: 'AllGood', message: 'm'})", "Ready", "True", "AllGood", "m")
            .SetName("NewCondition_IdentifierKeys_BuildsCondition");
        yield return new TestCaseData("runtime.newCondition({'type': 'DbReady', 'status': deployment.status.conditions[0].status})", "DbReady", "True", "", "")
            .SetName("NewCondition_StringKeysAndComputedStatus_DefaultsReasonAndMessage");
        yield return new TestCaseData("runtime.condition(deployment, 'Available')", "Available", "True", "MinimumReplicasAvailable", "ok")
            .SetName("Condition_Present_ReturnsIt");
        yield return new TestCaseData("runtime.condition(deployment, 'Progressing')", "Progressing", "False", "", "")
            .SetName("Condition_WithoutReason_ReadsEmptyReason");
        yield return new TestCaseData("runtime.condition(deployment, 'Missing')", "", "", "", "")
            .SetName("Condition_Absent_ReturnsEmptyCondition");
        yield return new TestCaseData("runtime.condition({}, 'Ready')", "", "", "", "")
            .SetName("Condition_ObjectWithoutStatus_ReturnsEmptyCondition");
    }

    [TestCaseSource(nameof(Conditions))]
    public void RuntimeFunctions_Evaluate_ProduceCondition(string expression, string type, string status, string reason, string message)
    {
        var result = Evaluate(expression);

        var json = CelJson.ToNode(result)!.AsObject();
        Assert.That(
            ((string?)json["type"], (string?)json["status"], (string?)json["reason"], (string?)json["message"]),
            Is.EqualTo((type, status, reason, message)));
    }

    [TestCase("runtime.newCondition({status: 'True'})", "type is required")]
    [TestCase("runtime.newCondition({type: 'Ready'})", "status is required")]
    [TestCase("runtime.newCondition({type: 'Ready', status: 'Yes'})", "status must be True, False or Unknown")]
    [TestCase("runtime.newCondition({type: 'Ready', status: 'True', colour: 'x'})", "unknown field")]
    [TestCase("runtime.newCondition({type: 'Ready', status: 'True', reason: 1})", "reason must be a string")]
    [TestCase("runtime.condition('text', 'Ready')", "expected an object")]
    public void RuntimeFunctions_BadInput_ReturnError(string expression, string message)
    {
        var result = Evaluate(expression);

        Assert.That(result, Is.InstanceOf<ErrorValue>());
        Assert.That(((ErrorValue)result).Message, Does.Contain(message));
    }

    [Test]
    public void NewCondition_Checked_HasConditionTypeWithStringFields()
    {
        var compiled = Env.Compile("runtime.newCondition({type: 'Ready', status: 'True'}).status");

        Assert.That(compiled.Success, Is.True, string.Join("; ", compiled.Issues));
        Assert.That(compiled.Program!.ResultType, Is.EqualTo(CelType.String));
        Assert.That(Env.Compile("runtime.condition(deployment, 'Ready')").Program!.ResultType.Name, Is.EqualTo("kro.run.Condition"));
    }

    [Test]
    public void NewCondition_UnknownFieldSelected_IsACheckError()
    {
        var compiled = Env.Compile("runtime.newCondition({type: 'Ready', status: 'True'}).colour");

        Assert.That(compiled.Success, Is.False);
        Assert.That(compiled.Issues[0].Message, Does.Contain("undefined field 'colour'"));
    }

    [Test]
    public void Omit_Evaluate_ReturnsTheSentinel()
    {
        var result = Evaluate("deployment.status.conditions.size() > 5 ? 'many' : omit()");

        Assert.That(result, Is.SameAs(OmitValue.Instance));
    }

    [Test]
    public void Omit_ConvertedToJson_ThrowsClearError()
    {
        var result = Evaluate("[1, omit()]");

        var e = Assert.Throws<CelEvaluationException>(() => CelJson.ToNode(result));

        Assert.That(e!.Message, Does.Contain("omit()"));
    }

    [Test]
    public void Omit_TypeChecks_AgainstAnyFieldType()
    {
        var compiled = Env.Compile("true ? 3 : omit()");

        Assert.That(compiled.Success, Is.True, string.Join("; ", compiled.Issues));
    }

    [TestCase("omit()")]
    [TestCase("runtime.newCondition({type: 'Ready', status: 'True'})")]
    [TestCase("runtime.condition(schema, 'Ready')")]
    public void KroOptInFunctions_DefaultLibraries_AreUnknown(string expression)
    {
        var env = CelEnvironment.Create(new CelEnvironmentOptions { Variables = new Dictionary<string, CelType> { ["schema"] = CelType.Dyn } });

        var compiled = env.Compile(expression);

        Assert.That(compiled.Success, Is.False);
    }

    private static CelValue Evaluate(string expression)
    {
        var compiled = Env.Compile(expression);
        Assert.That(compiled.Success, Is.True, string.Join("; ", compiled.Issues));
        return compiled.Program!.Evaluate(new CelActivation(new Dictionary<string, object?> { ["deployment"] = JsonNode.Parse(Deployment), ["schema"] = JsonNode.Parse("{}") }));
    }
}
