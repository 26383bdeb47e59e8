using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OciOperator.Cel;
using OciOperator.Cel.Common;
using OciOperator.Cel.Values;
using OciOperator.Sandbox.Kube.Serialization;

namespace OciOperator.Commands;

/// <summary>
/// What <c>oci-operator cel eval</c> does, apart from argument parsing: load the variables (JSON or YAML files),
/// compile the expression, evaluate it (or only type-check it) and print the result as JSON or the error with its
/// position.
/// </summary>
internal static class CelEvalTool
{
    /// <summary>Indented JSON that a person reads: only what JSON itself requires is escaped (quotes as \", not \u0022).</summary>
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Returns the process exit code: 0 with a result, 1 with an error, 2 when an input file is unusable.</summary>
    public static int Run(string expression, IReadOnlyList<string> variableArguments, bool checkOnly, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var variables = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var argument in variableArguments)
        {
            if (!TryLoadVariable(argument, out var name, out var value, out var problem))
            {
                error.WriteLine($"error: --var {argument}: {problem}");
                return 2;
            }

            variables[name] = value;
        }

        var environment = CelEnvironment.Create(new CelEnvironmentOptions
        {
            Variables = variables.Keys.ToDictionary(name => name, _ => CelType.Dyn, StringComparer.Ordinal),
        });
        var compiled = environment.Compile(expression);
        if (!compiled.Success)
        {
            foreach (var issue in compiled.Issues)
            {
                WriteIssue(error, expression, issue);
            }

            return 1;
        }

        if (checkOnly)
        {
            output.WriteLine(compiled.Program!.ResultType.ToString());
            return 0;
        }

        var result = compiled.Program!.Evaluate(new CelActivation(variables, environment.Options.Variables), ct);
        if (result is ErrorValue failure)
        {
            var located = compiled.Program.Locate(failure);
            if (located.Line > 0)
            {
                WriteIssue(error, expression, located);
            }
            else
            {
                error.WriteLine($"error: {failure.Message}");
            }

            return 1;
        }

        output.WriteLine(CelJson.ToNode(result)?.ToJsonString(Indented) ?? "null");
        return 0;
    }

    private static bool TryLoadVariable(string argument, out string name, out JsonNode? value, out string problem)
    {
        value = null;
        var equals = argument.IndexOf('=', StringComparison.Ordinal);
        name = equals > 0 ? argument[..equals] : "";
        if (equals <= 0 || equals == argument.Length - 1)
        {
            problem = "expected NAME=FILE, for example --var schema=instance.yaml";
            return false;
        }

        var path = argument[(equals + 1)..];
        if (!File.Exists(path))
        {
            problem = $"the file \"{path}\" does not exist";
            return false;
        }

        var text = File.ReadAllText(path, Encoding.UTF8);
        try
        {
            value = text.TrimStart().StartsWith('{') || text.TrimStart().StartsWith('[')
                ? JsonNode.Parse(text)
                : YamlToJson.Parse(text);
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            problem = $"\"{path}\" is neither valid JSON nor a single YAML document: {e.Message}";
            return false;
        }

        problem = "";
        return true;
    }

    private static void WriteIssue(TextWriter error, string expression, CelIssue issue)
    {
        error.WriteLine($"error: {issue.Line}:{issue.Column}: {issue.Message}");
        var lines = expression.Split('\n');
        if (issue.Line >= 1 && issue.Line <= lines.Length)
        {
            error.WriteLine(" | " + lines[issue.Line - 1].TrimEnd('\r'));
            error.WriteLine(" | " + new string(' ', Math.Max(0, issue.Column - 1)) + "^");
        }
    }
}
