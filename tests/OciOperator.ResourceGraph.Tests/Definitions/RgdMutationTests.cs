using System.Text.Json.Nodes;
using OciOperator.ResourceGraph.Definitions;
using OciOperator.Runtime.Client;

namespace OciOperator.ResourceGraph.Tests.Definitions;

/// <summary>
/// 200 seeded random mutations of valid RGDs (wrong types, missing fields, huge strings, unicode, deep nesting, bad CEL,
/// cycles) applied to a running RGD controller over HTTP: the API server refuses some (with a message), the controller
/// takes the rest to a state with a message, it never stops, and no RGD is reconciled more than a few times.
/// </summary>
[NonParallelizable]
public sealed class RgdMutationTests
{
    private const int Count = 200;

    /// <summary>Reconciles one RGD may take: create, the wake-ups of its own CRD writes, Establishment and controller sync.</summary>
    private const int MaxReconcilesPerRgd = 12;

    [Test]
    public async Task Apply_TwoHundredMutatedRgds_NoCrashNoHotLoopEachEndsWithAMessage()
    {
        await using var engine = await RgdEngine.StartAsync();
        var random = new Random(20261206);
        var admitted = new List<string>();
        var refused = 0;
        for (var i = 0; i < Count; i++)
        {
            var rgd = RgdMutations.Mutate(Base(i), random, out _);
            rgd["metadata"] = new JsonObject { ["name"] = $"fuzz-{i}" };
            try
            {
                await engine.Api.CreateAsync(RgdReconciler.Type, new UnstructuredObject(rgd), CancellationToken.None);
                admitted.Add($"fuzz-{i}");
            }
            catch (KubeApiException ex) when ((int)ex.StatusCode is 400 or 422)
            {
                Assert.That(ex.Message, Is.Not.Empty, "a refused RGD gets a message");
                refused++;
            }
        }

        TestContext.Out.WriteLine($"admitted {admitted.Count}, refused by the API server {refused}");
        foreach (var name in admitted)
        {
            var status = await engine.WaitForRgdAsync(name, s => RgdEngine.IsActive(s) || RgdEngine.ConditionMessage(s, RgdConditions.Ready).Length > 0 && RgdEngine.ConditionStatus(s, RgdConditions.Ready) == RgdConditions.False, "a decided state", TimeSpan.FromSeconds(60));
            Assert.That(RgdEngine.State(status), Is.Not.Null);
        }

        // Let whatever was queued run, then count: a hot loop would keep counting.
        await Eventually.WaitAsync(async () =>
        {
            var before = engine.Reconciles.Values.Sum();
            await Task.Delay(1000);
            return engine.Reconciles.Values.Sum() == before;
        }, "the controller to go quiet", TimeSpan.FromSeconds(60));
        Assert.That(engine.Manager.Failure, Is.Null);
        Assert.That(engine.Manager.IsRunning, Is.True, "the controller never stopped");
        var worst = engine.Reconciles.OrderByDescending(kv => kv.Value).First();
        TestContext.Out.WriteLine($"reconciles: {engine.Reconciles.Values.Sum()} in total, at most {worst.Value} ({worst.Key})");
        Assert.That(worst.Value, Is.LessThanOrEqualTo(MaxReconcilesPerRgd), $"{worst.Key} was reconciled {worst.Value} times");
    }

    private static JsonObject Base(int i) => RgdEngine.Yaml(RgdYaml.Rgd("base", $"Fuzz{i}", spec: "value: string | default=\"v\"\nsize: integer | default=1 | minimum=0", schemaExtra: "status:\n  cm: ${config.metadata.name}", resources: RgdYaml.ConfigMapResource + "\n" + """
        - id: secret
          template:
            apiVersion: v1
            kind: Secret
            metadata:
              name: ${config.metadata.name + "-s"}
              namespace: ${schema.metadata.namespace}
            stringData:
              size: ${string(schema.spec.size)}
        """));
}
