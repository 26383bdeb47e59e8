using OciOperator.Cel.Values;

namespace OciOperator.Cel.Planning;

/// <summary>A list literal; optional elements (<c>[?x]</c>) are included only when present.</summary>
internal sealed class ListNode(Interpretable[] elements, bool[] optional) : Interpretable
{
    public override long? StaticCost => StaticCosts.Sum(elements);

    public override CelValue Eval(EvalContext ctx)
    {
        if (elements.Length == 0)
        {
            return ArrayListValue.Empty;
        }

        var items = new List<CelValue>(elements.Length);
        for (var i = 0; i < elements.Length; i++)
        {
            var v = elements[i].Eval(ctx);
            if (v is ErrorValue)
            {
                return v;
            }

            if (optional[i])
            {
                if (v is not OptionalValue o)
                {
                    return Error($"cannot use non-optional value {v} as optional list element");
                }

                if (o.Value is not null)
                {
                    items.Add(o.Value);
                }

                continue;
            }

            items.Add(v);
        }

        return new ArrayListValue([.. items]);
    }
}
