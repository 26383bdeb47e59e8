using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using OciOperator.Cel.Common;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Tests.Conformance;

/// <summary>
/// Runs every upstream cel-spec conformance test (one NUnit case each). Files in <see cref="Required"/> must pass
/// completely except for tests needing protobuf messages; other files report but skip their failures.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class ConformanceTests
{
    private static readonly HashSet<string> Required =
    [
        "basic", "plumbing", "logic", "lists", "macros", "macros2", "fp_math", "integer_math", "string", "string_ext",
        "conversions", "fields", "namespace", "timestamps", "comparisons", "optionals", "bindings_ext", "encoders_ext",
        "math_ext", "parse", "type_deduction", "network_ext", "block_ext",
    ];

    private static readonly ConcurrentDictionary<string, int[]> Tally = new();

    public static IEnumerable<TestCaseData> Cases()
    {
        var dir = RepositoryPaths.InShared("conformance/cel");
        foreach (var path in Directory.GetFiles(dir, "*.json").Order(StringComparer.Ordinal))
        {
            var file = Path.GetFileNameWithoutExtension(path);
            if (file == "index")
            {
                continue;
            }

            var doc = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
            foreach (var section in doc["sections"]!.AsArray())
            {
                foreach (var test in section!["tests"]!.AsArray())
                {
                    var id = test!["id"]!.GetValue<string>();
                    yield return new TestCaseData(new ConformanceCase(file, id, test.AsObject())).SetName(id.Replace('/', '.'));
                }
            }
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void Conformance_Case_MatchesExpectation(ConformanceCase c)
    {
        var t = c.Test;
        if (t["needsProto"]!.GetValue<bool>())
        {
            Count(c.File, 2);
            Assert.Ignore("needs protobuf message types: " + string.Join("; ", t["needsProtoReasons"]!.AsArray().Select(x => x!.ToString())));
        }

        var failure = Run(t);
        if (failure is null)
        {
            Count(c.File, 0);
            return;
        }

        if (!Required.Contains(c.File))
        {
            Count(c.File, 2);
            Assert.Ignore($"non-required conformance file '{c.File}': {failure}");
        }

        if (failure.StartsWith("SKIP:", StringComparison.Ordinal))
        {
            Count(c.File, 2);
            Assert.Ignore(failure);
        }

        Count(c.File, 1);
        Assert.Fail(failure);
    }

    [OneTimeTearDown]
    public void PrintTable()
    {
        TestContext.Progress.WriteLine($"{"file",-16} {"passed",7} {"failed",7} {"skipped",8}");
        foreach (var (file, n) in Tally.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            TestContext.Progress.WriteLine($"{file,-16} {n[0],7} {n[1],7} {n[2],8}");
        }
    }

    private static void Count(string file, int column)
    {
        var row = Tally.GetOrAdd(file, _ => new int[3]);
        Interlocked.Increment(ref row[column]);
    }

    private static string? Run(JsonObject t)
    {
        var expected = t["expected"]!.AsObject();
        var env = CelEnvironment.Create(ConformanceTypes.Options(t));
        var disableCheck = t["disableCheck"]!.GetValue<bool>();
        var expr = t["expr"]!.GetValue<string>();
        var compiled = disableCheck ? env.Parse(expr) : env.Compile(expr);
        var wantError = expected["error"] is not null;
        if (!compiled.Success)
        {
            return wantError ? null : "compile failed: " + string.Join("; ", compiled.Issues);
        }

        if (expected["deducedType"] is JsonObject deduced)
        {
            var want = ConformanceTypes.FromJson(deduced);
            if (!want.Equals(compiled.Program!.ResultType))
            {
                return $"expected deduced type {want} but checker found {compiled.Program.ResultType}";
            }
        }

        if (t["checkOnly"]!.GetValue<bool>() || (!expected.ContainsKey("value") && !expected.ContainsKey("error")))
        {
            return null;
        }

        var bindings = new Dictionary<string, object?>();
        foreach (var (name, value) in t["bindings"]!.AsObject())
        {
            var v = ConformanceValues.FromJson(value!.AsObject());
            if (v is null)
            {
                return "SKIP: binding needs a protobuf message value";
            }

            bindings[name] = v;
        }

        var result = compiled.Program!.Evaluate(new CelActivation(bindings));
        if (wantError)
        {
            return result is ErrorValue ? null : $"expected an error ({expected["message"]}) but got {result}";
        }

        if (result is ErrorValue e)
        {
            return $"unexpected error: {e.Message}";
        }

        var wantValue = ConformanceValues.FromJson(expected["value"]!.AsObject());
        if (wantValue is null)
        {
            return "SKIP: expected value needs a protobuf message";
        }

        return ConformanceValues.StrictEqual(wantValue, result) ? null : $"expected {wantValue} but got {result}";
    }
}
