using OciOperator.Cel.Checking;
using OciOperator.Cel.Common;
using OciOperator.Cel.Library;
using OciOperator.Cel.Parsing;
using OciOperator.Cel.Planning;
using OciOperator.Cel.Values;

namespace OciOperator.Cel;

/// <summary>An immutable CEL environment: declarations, libraries and limits. Compile once, evaluate many times.</summary>
public sealed class CelEnvironment
{
    private readonly CelEnvironmentOptions _options;
    private readonly FunctionRegistry _functions;
    private readonly ParserOptions _parserOptions;

    private CelEnvironment(CelEnvironmentOptions options, FunctionRegistry functions)
    {
        _options = options;
        _functions = functions;
        _parserOptions = new ParserOptions
        {
            MaxDepth = options.MaxNestingDepth,
            MaxLength = options.MaxExpressionLength,
            EnableMacros = options.EnableMacros,
        };
    }

    public CelEnvironmentOptions Options => _options;

    internal FunctionRegistry Functions => _functions;

    public static CelEnvironment Create(CelEnvironmentOptions? options = null)
    {
        options ??= new CelEnvironmentOptions();
        var registry = new FunctionRegistry();
        StandardLibrary.Register(registry);
        CelLibraryRegistration.Register(registry, options.Libraries);
        options.ConfigureFunctions?.Invoke(registry);
        return new CelEnvironment(options, registry);
    }

    /// <summary>Parses and checks. Issues are collected with positions; nothing is thrown for bad input.</summary>
    public CelCompileResult Compile(string expression) => Build(expression, check: true);

    /// <summary>Parses only (an unchecked program whose result type is dyn).</summary>
    public CelCompileResult Parse(string expression) => Build(expression, check: false);

    private CelCompileResult Build(string expression, bool check)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var parsed = Parser.Parse(expression, _parserOptions);
        if (parsed.Expr is null || parsed.Issues.Count > 0)
        {
            return new CelCompileResult(null, parsed.Issues, parsed.Expr);
        }

        var resultType = CelType.Dyn;
        Func<long, CelType?> typeOf = _ => null;
        IReadOnlyDictionary<long, string[]>? overloadIds = null;
        if (check)
        {
            var checker = new TypeChecker(_functions, _options.Variables, _options.Container, expression);
            try
            {
                resultType = checker.Check(parsed.Expr);
            }
            catch (InsufficientExecutionStackException)
            {
                return new CelCompileResult(null, [CelIssue.At(expression, 0, "expression nesting too deep to check")], parsed.Expr);
            }

            if (checker.Issues.Count > 0)
            {
                return new CelCompileResult(null, checker.Issues, parsed.Expr);
            }

            typeOf = checker.TypeOf;
            overloadIds = checker.OverloadIds;
        }

        CelCostEstimate cost;
        try
        {
            cost = new CostEstimator(_options.MaxCollectionSize, typeOf).Estimate(parsed.Expr);
        }
        catch (InsufficientExecutionStackException)
        {
            return new CelCompileResult(null, [CelIssue.At(expression, 0, "expression nesting too deep to estimate its cost")], parsed.Expr);
        }

        if (check && _options.RejectEstimatedCostOverLimit && cost.Max > _options.CostLimit)
        {
            var issue = CelIssue.At(expression, 0, $"estimated cost {cost.Max} exceeds the cost limit {_options.CostLimit}");
            return new CelCompileResult(null, [issue], parsed.Expr) { Cost = cost };
        }

        var planner = new Planner(_functions, _options.Container, check ? _options.Variables : null, _options.FastLoops, overloadIds);
        Interpretable root;
        try
        {
            root = planner.PlanProgram(parsed.Expr);
        }
        catch (InsufficientExecutionStackException)
        {
            return new CelCompileResult(null, [CelIssue.At(expression, 0, "expression nesting too deep to plan")], parsed.Expr);
        }

        var program = new CelProgram(expression, root, new ProgramLayout(planner.SlotCount, planner.VariableCount, planner.Declared), resultType, _options.CostLimit, _options.MaxCollectionSize);
        return new CelCompileResult(program, [], parsed.Expr) { Cost = cost };
    }
}
