using OciOperator.Cel.Library;

namespace OciOperator.Cel.Extensions;

/// <summary>cel.bind(var, init, expr): implemented entirely as a macro (see MacroExpander); nothing to register at run time.</summary>
internal static class BindingsLibrary
{
    public static void Register(FunctionRegistry r) => _ = r;
}
