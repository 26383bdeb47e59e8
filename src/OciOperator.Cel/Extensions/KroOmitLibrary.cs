using OciOperator.Cel.Library;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Extensions;

/// <summary>kro's <c>omit()</c> (kro.md §4.5): declared as returning dyn so that it fits any template field type.</summary>
internal static class KroOmitLibrary
{
    public static void Register(FunctionRegistry r) =>
        r.Global("omit", "omit", CelType.Dyn, [], _ => OmitValue.Instance);
}
