using System.Collections.Frozen;
using OciOperator.Cel;
using OciOperator.Cel.Values;

namespace OciOperator.ResourceGraph.Building;

/// <summary>The CEL environments of one build, one per set of variables in scope, created on first use.</summary>
internal sealed class CelEnvironments
{
    /// <summary>Every function name any RGD expression could call (omit and runtime included, for the checks of where they may appear).</summary>
    public static readonly FrozenSet<string> AllFunctionNames = CollectFunctionNames();

    private readonly Dictionary<string, CelEnvironment> _cache = new(StringComparer.Ordinal);

    public CelEnvironment Get(string key, IReadOnlyDictionary<string, CelType> variables, CelLibraries libraries)
    {
        if (!_cache.TryGetValue(key, out var env))
        {
            env = CelEnvironment.Create(new CelEnvironmentOptions { Variables = variables, Libraries = libraries });
            _cache[key] = env;
        }

        return env;
    }

    /// <summary>A parse-only environment (no variables): used to find the identifiers an expression reads.</summary>
    public CelEnvironment Parser => Get("#parser", new Dictionary<string, CelType>(), CelLibraries.All);

    private static FrozenSet<string> CollectFunctionNames()
    {
        IEnumerable<string> names = [];
        CelEnvironment.Create(new CelEnvironmentOptions
        {
            Libraries = CelLibraries.All | CelLibraries.KroOmit | CelLibraries.KroRuntime,
            ConfigureFunctions = r => names = [.. r.FunctionNames],
        });
        return names.ToFrozenSet(StringComparer.Ordinal);
    }
}
