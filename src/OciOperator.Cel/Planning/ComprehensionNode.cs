using OciOperator.Cel.Values;

namespace OciOperator.Cel.Planning;

/// <summary>Evaluates a comprehension (macros expand to these) with a cost charge per iteration.</summary>
internal sealed class ComprehensionNode(
    int iterSlot,
    int iter2Slot,
    Interpretable range,
    int accuSlot,
    Interpretable init,
    Interpretable cond,
    Interpretable step,
    Interpretable result,
    bool mutableListAccu) : Interpretable
{
    public override CelValue Eval(EvalContext ctx)
    {
        if (ctx.Enter() is { } tooDeep)
        {
            return tooDeep.At(Position);
        }

        // No try/finally: an exception ends the whole evaluation, and the next one starts at depth 0.
        var result = EvalCore(ctx);
        ctx.Leave();
        return result;
    }

    private CelValue EvalCore(EvalContext ctx)
    {
        var r = range.Eval(ctx);
        if (r is ErrorValue)
        {
            return r;
        }

        // As in cel-go, an erroneous accumulator initialiser is a value like any other (cel.bind(x, 1/0, true) is true).
        var accu = init.Eval(ctx);

        if (mutableListAccu && accu is not ErrorValue)
        {
            accu = new MutableListValue(r switch
            {
                ListValue l => Math.Min(l.Count, ctx.MaxCollectionSize),
                MapValue mv => Math.Min(mv.Count, ctx.MaxCollectionSize),
                _ => 0,
            });
        }

        var slots = ctx.Slots;
        slots[accuSlot] = accu;
        switch (r)
        {
            case JsonArrayListValue jsonList:
                var count = jsonList.Count;
                for (var i = 0; i < count; i++)
                {
                    if (ctx.Charge(1) is { } err)
                    {
                        return err.At(Position);
                    }

                    if (iter2Slot >= 0)
                    {
                        slots[iterSlot] = IntValue.Of(i);
                        RawSlots.Bind(ctx, iter2Slot, jsonList.NodeAt(i), jsonList.ElemType);
                    }
                    else
                    {
                        RawSlots.Bind(ctx, iterSlot, jsonList.NodeAt(i), jsonList.ElemType);
                    }

                    if (!Step(ctx, slots))
                    {
                        break;
                    }
                }

                break;
            case JsonObjectMapValue json:
                var obj = json.Object;
                for (var i = 0; i < obj.Count; i++)
                {
                    if (ctx.Charge(1) is { } err)
                    {
                        return err.At(Position);
                    }

                    var (key, node) = obj.GetAt(i);
                    RawSlots.Bind(ctx, iterSlot, key);
                    if (iter2Slot >= 0)
                    {
                        RawSlots.Bind(ctx, iter2Slot, node, JsonObjectMapValue.FieldTypeOf(json.SchemaType, key));
                    }

                    if (!Step(ctx, slots))
                    {
                        break;
                    }
                }

                break;
            case ListValue list:
                for (var i = 0; i < list.Count; i++)
                {
                    if (ctx.Charge(1) is { } err)
                    {
                        return err.At(Position);
                    }

                    if (iter2Slot >= 0)
                    {
                        slots[iterSlot] = IntValue.Of(i);
                        slots[iter2Slot] = list[i];
                    }
                    else
                    {
                        slots[iterSlot] = list[i];
                    }

                    if (!Step(ctx, slots))
                    {
                        break;
                    }
                }

                break;
            case MapValue map:
                foreach (var k in map.Keys)
                {
                    if (ctx.Charge(1) is { } err)
                    {
                        return err.At(Position);
                    }

                    slots[iterSlot] = k;
                    if (iter2Slot >= 0)
                    {
                        map.TryGet(k, out var v);
                        slots[iter2Slot] = v;
                    }

                    if (!Step(ctx, slots))
                    {
                        break;
                    }
                }

                break;
            default:
                return Error($"cannot iterate over a value of type {r.Type}");
        }

        if (slots[accuSlot] is MutableListValue m)
        {
            slots[accuSlot] = m.Freeze();
        }

        return result.Eval(ctx);
    }

    private bool Step(EvalContext ctx, CelValue[] slots)
    {
        if (cond.Eval(ctx) is BoolValue { Value: false })
        {
            return false;
        }

        slots[accuSlot] = step.Eval(ctx);
        return true;
    }
}
