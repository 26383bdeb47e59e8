using OciOperator.Cel.Common;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Tests;

/// <summary>Compiles and evaluates expressions for tests.</summary>
internal static class CelTestHelper
{
    private static readonly CelEnvironment Env = CelEnvironment.Create();

    public static CelValue Eval(string expression, IReadOnlyDictionary<string, object?>? vars = null, CelEnvironment? env = null)
    {
        var compiled = vars is null ? (env ?? Env).Compile(expression) : (env ?? Env).Parse(expression);
        if (!compiled.Success)
        {
            throw new AssertionException("compile failed: " + string.Join("; ", compiled.Issues));
        }

        return compiled.Program!.Evaluate(vars is null ? CelActivation.Empty : new CelActivation(vars));
    }

    /// <summary>Evaluates and renders the result in CEL debug form (e.g. <c>[1, 2]</c>, <c>'a'</c>, <c>error(...)</c>).</summary>
    public static string Render(string expression) => Eval(expression).ToString();
}
