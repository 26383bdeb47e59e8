using OciOperator.Cel.Library;
using OciOperator.Cel.Values;

namespace OciOperator.Cel;

/// <summary>Options for building a <see cref="CelEnvironment"/>.</summary>
public sealed record CelEnvironmentOptions
{
    /// <summary>The container (namespace) used to resolve names.</summary>
    public string Container { get; init; } = string.Empty;

    /// <summary>Declared variables and their types.</summary>
    public IReadOnlyDictionary<string, CelType> Variables { get; init; } = new Dictionary<string, CelType>();

    public CelLibraries Libraries { get; init; } = CelLibraries.All;

    /// <summary>Extra function declarations/implementations added after the libraries.</summary>
    public Action<FunctionRegistry>? ConfigureFunctions { get; init; }

    public bool EnableMacros { get; init; } = true;

    /// <summary>Maximum syntactic nesting depth.</summary>
    public int MaxNestingDepth { get; init; } = 250;

    /// <summary>Maximum expression length in characters.</summary>
    public int MaxExpressionLength { get; init; } = 100_000;

    /// <summary>Evaluation cost budget (function calls plus comprehension iterations).</summary>
    public long CostLimit { get; init; } = 10_000_000;

    /// <summary>
    /// When set, <see cref="CelEnvironment.Compile"/> rejects an expression whose estimated worst-case cost
    /// (<see cref="CelCompileResult.Cost"/>) exceeds <see cref="CostLimit"/>, as Kubernetes does for CRD validation rules.
    /// Off by default: the run-time budget still applies.
    /// </summary>
    public bool RejectEstimatedCostOverLimit { get; init; }

    /// <summary>Whether the planner takes its fast paths (all/exists/exists_one as one loop node, fused map/filter chains,
    /// overloads bound from the checker's resolution, static cost of loop-free code); off only in tests that compare
    /// them with the general path.</summary>
    internal bool FastLoops { get; init; } = true;

    /// <summary>Maximum number of elements in a list built during evaluation.</summary>
    public int MaxCollectionSize { get; init; } = 1_000_000;
}
