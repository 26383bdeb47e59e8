using OciOperator.Cel.Library;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Extensions;

/// <summary>Kubernetes apiserver CEL list library: isSorted, sum, min, max, indexOf, lastIndexOf.</summary>
internal static class KubernetesListsLibrary
{
    private static readonly CelType A = CelType.Param("A");
    private static readonly CelType ListA = CelType.List(A);

    public static void Register(FunctionRegistry r)
    {
        r.MemberUnary<ListValue>("isSorted", "list_is_sorted", CelType.Bool, ListA, IsSorted);
        r.MemberUnary<ListValue>("sum", "list_sum", A, ListA, Sum);
        r.MemberUnary<ListValue>("min", "list_min", A, ListA, l => Extreme(l, min: true));
        r.MemberUnary<ListValue>("max", "list_max", A, ListA, l => Extreme(l, min: false));
        r.MemberBinary<ListValue, CelValue>("indexOf", "list_index_of", CelType.Int, ListA, A, (l, v) =>
        {
            for (var i = 0; i < l.Count; i++)
            {
                if (CelEquality.Equal(l[i], v))
                {
                    return IntValue.Of(i);
                }
            }

            return IntValue.Of(-1);
        });
        r.MemberBinary<ListValue, CelValue>("lastIndexOf", "list_last_index_of", CelType.Int, ListA, A, (l, v) =>
        {
            for (var i = l.Count - 1; i >= 0; i--)
            {
                if (CelEquality.Equal(l[i], v))
                {
                    return IntValue.Of(i);
                }
            }

            return IntValue.Of(-1);
        });
    }

    private static CelValue IsSorted(ListValue l)
    {
        for (var i = 1; i < l.Count; i++)
        {
            var c = CelComparison.Compare(l[i - 1], l[i]);
            if (c is null)
            {
                return ErrorValue.NoSuchOverload("isSorted");
            }

            if (c > 0)
            {
                return BoolValue.False;
            }
        }

        return BoolValue.True;
    }

    private static CelValue Sum(ListValue l)
    {
        if (l.Count == 0)
        {
            return IntValue.Of(0);
        }

        CelValue acc = l[0];
        for (var i = 1; i < l.Count; i++)
        {
            acc = (acc, l[i]) switch
            {
                (IntValue a, IntValue b) => StandardLibrary.Checked(() => checked(a.Value + b.Value), "sum"),
                (UintValue a, UintValue b) => StandardLibrary.CheckedU(() => checked(a.Value + b.Value), "sum"),
                (DoubleValue a, DoubleValue b) => DoubleValue.Of(a.Value + b.Value),
                (DurationValue a, DurationValue b) => DurationValue.Create(a.Nanos + b.Nanos),
                _ => ErrorValue.NoSuchOverload("sum"),
            };
            if (acc is ErrorValue)
            {
                return acc;
            }
        }

        return acc is IntValue or UintValue or DoubleValue or DurationValue ? acc : ErrorValue.NoSuchOverload("sum");
    }

    private static CelValue Extreme(ListValue l, bool min)
    {
        if (l.Count == 0)
        {
            return new ErrorValue($"{(min ? "min" : "max")}(): list must not be empty");
        }

        var best = l[0];
        for (var i = 1; i < l.Count; i++)
        {
            var c = CelComparison.Compare(l[i], best);
            if (c is null)
            {
                return ErrorValue.NoSuchOverload(min ? "min" : "max");
            }

            if (min ? c < 0 : c > 0)
            {
                best = l[i];
            }
        }

        return best;
    }
}
