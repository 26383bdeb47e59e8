using OciOperator.Cel.Library;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Extensions;

/// <summary>
/// cel-go ext.Sets, which the Kubernetes apiserver offers in validation rules: <c>sets.contains(a, b)</c> (every
/// element of b is in a), <c>sets.equivalent(a, b)</c> (each contains the other, duplicates ignored) and
/// <c>sets.intersects(a, b)</c> (some element in both); elements compare with CEL equality, so 1 == 1u == 1.0.
/// </summary>
internal static class SetsLibrary
{
    private static readonly CelType T = CelType.Param("T");
    private static readonly CelType ListT = CelType.List(T);

    public static void Register(FunctionRegistry r)
    {
        r.Global("sets.contains", "list_sets_contains_list", CelType.Bool, [ListT, ListT],
            a => BoolValue.Of(Contains((ListValue)a[0], (ListValue)a[1])));
        r.Global("sets.equivalent", "list_sets_equivalent_list", CelType.Bool, [ListT, ListT],
            a => BoolValue.Of(Contains((ListValue)a[0], (ListValue)a[1]) && Contains((ListValue)a[1], (ListValue)a[0])));
        r.Global("sets.intersects", "list_sets_intersects_list", CelType.Bool, [ListT, ListT],
            a => BoolValue.Of(((ListValue)a[1]).Items().Any(x => Has((ListValue)a[0], x))));
    }

    private static bool Contains(ListValue set, ListValue sub) => sub.Items().All(x => Has(set, x));

    private static bool Has(ListValue list, CelValue value) => list.Items().Any(x => CelEquality.Equal(x, value));
}
