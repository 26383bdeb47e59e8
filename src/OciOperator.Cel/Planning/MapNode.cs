using OciOperator.Cel.Values;

namespace OciOperator.Cel.Planning;

/// <summary>A map literal; optional entries (<c>{?k: v}</c>) are included only when present.</summary>
internal sealed class MapNode(Interpretable[] keys, Interpretable[] values, bool[] optional) : Interpretable
{
    public override long? StaticCost => StaticCosts.Sum(keys) + StaticCosts.Sum(values);

    public override CelValue Eval(EvalContext ctx)
    {
        var entries = new List<KeyValuePair<CelValue, CelValue>>(keys.Length);
        for (var i = 0; i < keys.Length; i++)
        {
            var k = keys[i].Eval(ctx);
            if (k is ErrorValue)
            {
                return k;
            }

            var v = values[i].Eval(ctx);
            if (v is ErrorValue)
            {
                return v;
            }

            if (optional[i])
            {
                if (v is not OptionalValue o)
                {
                    return Error($"cannot use non-optional value {v} as optional map entry");
                }

                if (o.Value is null)
                {
                    continue;
                }

                v = o.Value;
            }

            entries.Add(new KeyValuePair<CelValue, CelValue>(k, v));
        }

        return Located(DictionaryMapValue.Create(entries));
    }
}
