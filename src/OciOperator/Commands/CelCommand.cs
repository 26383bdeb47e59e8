using System.CommandLine;

namespace OciOperator.Commands;

/// <summary><c>oci-operator cel eval EXPR [--var NAME=FILE]... [--check]</c>: try a CEL expression the way the RGD engine evaluates it.</summary>
internal static class CelCommand
{
    public static Command Create()
    {
        var expression = new Argument<string>("expression") { Description = "The CEL expression, e.g. 'schema.metadata.name + \"-db\"'." };
        var variables = new Option<string[]>("--var")
        {
            Description = "A variable from a JSON or YAML file (a Kubernetes object, say): NAME=FILE. Repeatable.",
            AllowMultipleArgumentsPerToken = false,
            Arity = ArgumentArity.ZeroOrMore,
        };
        var check = new Option<bool>("--check") { Description = "Only parse and type-check; print the result type." };
        var eval = new Command("eval", "Evaluate a CEL expression and print the result as JSON (exit 0), or the error with its position (exit 1).")
        {
            expression,
            variables,
            check,
        };
        eval.SetAction((parse, ct) => Task.FromResult(CelEvalTool.Run(
            parse.GetValue(expression)!,
            parse.GetValue(variables) ?? [],
            parse.GetValue(check),
            Console.Out,
            Console.Error,
            ct)));
        return new Command("cel", "Common Expression Language tools.") { eval };
    }
}
