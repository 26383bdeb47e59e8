using OciOperator.Cel.Ast;
using OciOperator.Cel.Library;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Extensions;

/// <summary>cel-go ext/lists.go: lists.range, slice, flatten, sort, sortBy, distinct, reverse, first, last.</summary>
internal static class ListsLibrary
{
    private static readonly CelType A = CelType.Param("A");
    private static readonly CelType ListA = CelType.List(A);

    public static void Register(FunctionRegistry r)
    {
        var i = CelType.Int;
        r.Unary<IntValue>("lists.range", "lists_range", CelType.List(i), i, n =>
            n.Value < 0 ? new ErrorValue("lists.range() requires a non-negative count")
            : n.Value > 1_000_000 ? new ErrorValue("lists.range() count exceeds limit")
            : new ArrayListValue(Enumerable.Range(0, (int)n.Value).Select(x => (CelValue)IntValue.Of(x)).ToArray()));
        r.Member("slice", "list_slice", ListA, [ListA, i, i], a => Slice((ListValue)a[0], ((IntValue)a[1]).Value, ((IntValue)a[2]).Value));
        r.MemberUnary<ListValue>("flatten", "list_flatten", CelType.ListOfDyn, CelType.ListOfDyn, l => Flatten(l, 1));
        r.MemberBinary<ListValue, IntValue>("flatten", "list_flatten_int", CelType.ListOfDyn, CelType.ListOfDyn, i, (l, d) =>
            d.Value < 0 ? new ErrorValue("flatten(): level must be non-negative") : Flatten(l, d.Value));
        r.MemberUnary<ListValue>("sort", "list_sort", ListA, ListA, l => Sort(l, l));
        r.Global(MacroNames.SortByAssociatedKeys, "list_sortByAssociatedKeys", ListA, [ListA, CelType.ListOfDyn], a => Sort((ListValue)a[0], (ListValue)a[1]));
        r.MemberUnary<ListValue>("distinct", "list_distinct", ListA, ListA, Distinct);
        r.MemberUnary<ListValue>("reverse", "list_reverse", ListA, ListA, l => new ArrayListValue(l.Items().Reverse().ToArray()));
        r.MemberUnary<ListValue>("first", "list_first", CelType.Optional(A), ListA, l => l.Count == 0 ? OptionalValue.None : OptionalValue.Of(l[0]));
        r.MemberUnary<ListValue>("last", "list_last", CelType.Optional(A), ListA, l => l.Count == 0 ? OptionalValue.None : OptionalValue.Of(l[l.Count - 1]));
    }

    private static CelValue Slice(ListValue l, long start, long end)
    {
        if (start < 0 || end < 0)
        {
            return new ErrorValue($"cannot slice({start}, {end}), negative indexes not supported");
        }

        if (start > end)
        {
            return new ErrorValue($"cannot slice({start}, {end}), start index must be less than or equal to end index");
        }

        if (end > l.Count)
        {
            return new ErrorValue($"cannot slice({start}, {end}), list is length {l.Count}");
        }

        return new ArrayListValue(l.Items().Skip((int)start).Take((int)(end - start)).ToArray());
    }

    private static ArrayListValue Flatten(ListValue l, long depth)
    {
        var result = new List<CelValue>();
        foreach (var v in l.Items())
        {
            if (v is ListValue inner && depth > 0)
            {
                result.AddRange(Flatten(inner, depth - 1).Items());
            }
            else
            {
                result.Add(v);
            }
        }

        return new ArrayListValue([.. result]);
    }

    private static CelValue Sort(ListValue items, ListValue keys)
    {
        if (items.Count != keys.Count)
        {
            return new ErrorValue("sortBy(): key list length mismatch");
        }

        var idx = Enumerable.Range(0, items.Count).ToArray();
        for (var k = 1; k < keys.Count; k++)
        {
            if (CelComparison.Compare(keys[0], keys[k]) is null || keys[0].GetType() != keys[k].GetType())
            {
                return new ErrorValue($"sort(): list elements must have the same comparable type, got {keys[0].Type} and {keys[k].Type}");
            }
        }

        if (keys.Count == 1 && CelComparison.Compare(keys[0], keys[0]) is null)
        {
            return new ErrorValue($"sort(): unsupported element type {keys[0].Type}");
        }

        var sorted = idx.OrderBy(x => x, Comparer<int>.Create((a, b) => CelComparison.Compare(keys[a], keys[b]) ?? 0)).ToArray();
        return new ArrayListValue(sorted.Select(x => items[x]).ToArray());
    }

    private static ArrayListValue Distinct(ListValue l)
    {
        // Hashable scalars (numbers compare across int/uint/double) go through a hash set; other values are
        // compared pairwise among themselves only.
        var seen = new HashSet<CelValue>(DistinctKeyComparer.Instance);
        var others = new List<CelValue>();
        var result = new List<CelValue>();
        foreach (var v in l.Items())
        {
            if (DistinctKeyComparer.IsHashable(v))
            {
                if (seen.Add(v))
                {
                    result.Add(v);
                }
            }
            else if (!others.Any(x => CelEquality.Equal(x, v)))
            {
                others.Add(v);
                result.Add(v);
            }
        }

        return new ArrayListValue([.. result]);
    }
}
