using OciOperator.Cel.Values;

namespace OciOperator.Cel.Planning;

/// <summary>
/// <c>all</c>, <c>exists</c> and <c>exists_one</c> (one- and two-variable forms) as one loop instead of the generic
/// comprehension they expand to. It gives exactly what the expansion gives, with the same cost charges: <c>all</c>
/// stops at the first false and <c>exists</c> at the first true, and until then an error is kept, not returned (a
/// later false/true absorbs it, as <c>&amp;&amp;</c>/<c>||</c> do); the first error wins over later ones; a
/// non-bool predicate is a no-such-overload error at the macro; <c>exists_one</c> never stops early, and its last
/// predicate error wins.
/// </summary>
internal sealed class QuantifierNode(QuantifierKind kind, int iterSlot, int iter2Slot, Interpretable range, Interpretable predicate) : Interpretable
{
    /// <summary>A predicate that only compares the (one) variable with a string literal, e.g. <c>k.startsWith('app/')</c>.</summary>
    private readonly StringSlotPredicateNode? _keyTest =
        kind != QuantifierKind.ExistsOne && iter2Slot < 0 && predicate is StringSlotPredicateNode { Variable.Slot: var slot } test && slot == iterSlot ? test : null;

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

        var state = default(State);
        var slots = ctx.Slots;
        switch (r)
        {
            case JsonArrayListValue jsonList:
                var count = jsonList.Count;
                for (var i = 0; i < count; i++)
                {
                    if (ctx.Charge(1) is { } budget)
                    {
                        return budget.At(Position);
                    }

                    if (state.Decided && Stops(ctx))
                    {
                        break;
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

                    if (!state.Decided)
                    {
                        Step(ref state, ctx);
                    }
                }

                break;
            case ListValue list:
                for (var i = 0; i < list.Count; i++)
                {
                    if (ctx.Charge(1) is { } budget)
                    {
                        return budget.At(Position);
                    }

                    if (state.Decided && Stops(ctx))
                    {
                        break;
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

                    if (!state.Decided)
                    {
                        Step(ref state, ctx);
                    }
                }

                break;
            case JsonObjectMapValue json:
                var obj = json.Object;
                for (var i = 0; i < obj.Count; i++)
                {
                    if (ctx.Charge(1) is { } budget)
                    {
                        return budget.At(Position);
                    }

                    if (state.Decided && Stops(ctx))
                    {
                        break;
                    }

                    var (key, node) = obj.GetAt(i);
                    if (_keyTest is not null)
                    {
                        // The predicate only tests the key against a literal: no variable binding at all.
                        if (state.Decided)
                        {
                            continue;
                        }

                        if (kind == QuantifierKind.All)
                        {
                            StepAll(ref state, ctx, key);
                        }
                        else
                        {
                            StepExists(ref state, ctx, key);
                        }

                        continue;
                    }

                    RawSlots.Bind(ctx, iterSlot, key);
                    if (iter2Slot >= 0)
                    {
                        RawSlots.Bind(ctx, iter2Slot, node, JsonObjectMapValue.FieldTypeOf(json.SchemaType, key));
                    }

                    if (!state.Decided)
                    {
                        Step(ref state, ctx);
                    }
                }

                break;
            case MapValue map:
                foreach (var k in map.Keys)
                {
                    if (ctx.Charge(1) is { } budget)
                    {
                        return budget.At(Position);
                    }

                    if (state.Decided && Stops(ctx))
                    {
                        break;
                    }

                    slots[iterSlot] = k;
                    if (iter2Slot >= 0)
                    {
                        map.TryGet(k, out var v);
                        slots[iter2Slot] = v;
                    }

                    if (!state.Decided)
                    {
                        Step(ref state, ctx);
                    }
                }

                break;
            default:
                return Error($"cannot iterate over a value of type {r.Type}");
        }

        return Result(ref state, ctx);
    }

    /// <summary>
    /// The expansion's loop condition once the result is decided: it stops the loop, except that in <c>exists</c> it
    /// first charges its <c>!_</c> call, and when that exceeds the budget the condition is an error, which does not
    /// stop the loop (the step then keeps the decided true without evaluating the predicate).
    /// </summary>
    private bool Stops(EvalContext ctx) => kind != QuantifierKind.Exists || ctx.Charge(1) is null;

    /// <summary>One iteration before the result is decided: the expansion's loop condition, then its step.</summary>
    private void Step(ref State s, EvalContext ctx)
    {
        switch (kind)
        {
            case QuantifierKind.All:
                StepAll(ref s, ctx);
                break;
            case QuantifierKind.Exists:
                StepExists(ref s, ctx);
                break;
            default:
                StepExistsOne(ref s, ctx);
                break;
        }
    }

    // @result && pred: the accumulator is true or an error here (false stopped the loop).
    private void StepAll(ref State s, EvalContext ctx, string? key = null) =>
        StepAbsorbing(ref s, ctx, key, deciding: false, "no such overload: _&&_");

    private void StepExists(ref State s, EvalContext ctx, string? key = null)
    {
        // Condition @not_strictly_false(!@result): the !_ call is charged when @result is a bool (here: false); its
        // budget error would only make the condition an error, which does not stop the loop.
        if (s.Error is null)
        {
            ctx.AddCost(1);
        }

        // @result || pred: the accumulator is false or an error here (true stopped the loop).
        StepAbsorbing(ref s, ctx, key, deciding: true, "no such overload: _||_");
    }

    // One step of a short-circuit fold: the deciding value ends the loop and absorbs an earlier error; otherwise the
    // first error (or non-bool, as the operator's missing overload) is kept, as cel-go's && and || do.
    private void StepAbsorbing(ref State s, EvalContext ctx, string? key, bool deciding, string noOverload)
    {
        var p = key is null ? predicate.Eval(ctx) : _keyTest!.EvalString(ctx, key);
        if (p is BoolValue b && b.Value == deciding)
        {
            s.Decided = true;
            s.Error = null;
            return;
        }

        if (s.Error is null)
        {
            if (p is ErrorValue e)
            {
                s.Error = e;
            }
            else if (p is not BoolValue)
            {
                s.Error = Error(noOverload);
            }
        }
    }

    private void StepExistsOne(ref State s, EvalContext ctx)
    {
        // pred ? @result + 1 : @result
        switch (predicate.Eval(ctx))
        {
            case BoolValue { Value: true }:
                if (s.Error is null)
                {
                    if (ctx.Charge(1) is { } budget)
                    {
                        s.Error = budget.At(Position);
                    }
                    else
                    {
                        s.Count++;
                    }
                }

                break;
            case BoolValue:
                break;
            case ErrorValue e:
                s.Error = e;
                break;
            default:
                s.Error = Error("no such overload: _?_:_");
                break;
        }
    }

    private CelValue Result(ref State s, EvalContext ctx)
    {
        if (s.Error is { } error)
        {
            return error;
        }

        switch (kind)
        {
            case QuantifierKind.All:
                return BoolValue.Of(!s.Decided);
            case QuantifierKind.Exists:
                return BoolValue.Of(s.Decided);
            default:
                // @result == 1
                return ctx.Charge(1) is { } budget ? budget.At(Position) : BoolValue.Of(s.Count == 1);
        }
    }

    /// <summary>The accumulator: for all/exists whether the deciding value was met, else the first error kept.</summary>
    private struct State
    {
        public bool Decided;
        public ErrorValue? Error;
        public long Count;
    }
}
