namespace OciOperator.Cel.Ast;

/// <summary>Names the macro expansions put into the AST, which the checker, planner and libraries recognise.</summary>
internal static class MacroNames
{
    /// <summary>The accumulator variable of a macro's comprehension.</summary>
    public const string AccuVar = "@result";

    /// <summary>The internal map-insert function of transformMap/transformMapEntry.</summary>
    public const string MapInsert = "cel.@mapInsert";

    /// <summary>The internal function sortBy expands to.</summary>
    public const string SortByAssociatedKeys = "@sortByAssociatedKeys";
}
