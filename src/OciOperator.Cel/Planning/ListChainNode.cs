using System.Text.Json.Nodes;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Planning;

/// <summary>
/// A chain of list <c>map</c>/<c>filter</c> macros over one range (<c>items.filter(i, p).map(i, t)</c>), optionally
/// only sized (<c>.size()</c>), run as one loop: each element goes through every stage in turn, so no intermediate
/// list is built, and a sized chain builds no list at all. On success it gives what the macros' comprehensions give,
/// having charged the same cost (one unit per stage iteration, plus the size call), because each stage sees the same
/// elements and evaluates the same predicates and elements. Anything else — an error or non-bool anywhere, the cost
/// limit or cancellation, a collection over the size limit, a range that is not a list — sets the cost back and
/// evaluates <paramref name="general"/>, the same expression planned without fusion, so errors, their positions and
/// the cost charged are exactly the general path's.
/// </summary>
internal sealed class ListChainNode(Interpretable range, ListStage[] stages, bool sizeOnly, Interpretable general) : Interpretable
{
    public override CelValue Eval(EvalContext ctx)
    {
        var checkpoint = ctx.Cost;
        if (ctx.Enter() is null)
        {
            // No try/finally: an exception ends the whole evaluation, and the next one starts at depth 0.
            var fused = TryEval(ctx);
            ctx.Leave();
            if (fused is not null)
            {
                return fused;
            }
        }

        ctx.RestoreCost(checkpoint);
        return general.Eval(ctx);
    }

    private CelValue? TryEval(EvalContext ctx)
    {
        // A JSON array range is read in place (not even wrapped as a list).
        JsonArray? array = null;
        CelType? elemType = null;
        ListValue? list = null;
        if (range.TryEvalJson(ctx, out var rangeNode, out var rangeType) && rangeNode is JsonArray a)
        {
            array = a;
            elemType = rangeType?.Kind == CelTypeKind.List ? rangeType.Elem : null;
        }
        else if (range.Eval(ctx) is ListValue l)
        {
            list = l;
            if (l is JsonArrayListValue json)
            {
                elemType = json.ElemType;
            }
        }
        else
        {
            return null;
        }

        var jsonList = list as JsonArrayListValue;
        var n = array?.Count ?? list!.Count;
        var max = ctx.MaxCollectionSize;
        var into = sizeOnly ? null : new MutableListValue(Math.Min(n, max));
        Span<int> counts = stages.Length <= 16 ? stackalloc int[stages.Length] : new int[stages.Length];
        var slots = ctx.Slots;
        for (var i = 0; i < n; i++)
        {
            var raw = array is not null || jsonList is not null;
            var node = array is not null ? array[i] : jsonList?.NodeAt(i);
            var type = elemType;
            var value = raw ? null : list![i];
            var passed = true;
            for (var k = 0; k < stages.Length; k++)
            {
                var stage = stages[k];
                if (ctx.Charge(1) is not null)
                {
                    return null;
                }

                if (raw)
                {
                    RawSlots.Bind(ctx, stage.IterSlot, node, type);
                }
                else
                {
                    slots[stage.IterSlot] = value!;
                }

                if (stage.Filter is { } filter)
                {
                    if (filter.Eval(ctx) is not BoolValue keep)
                    {
                        return null;
                    }

                    if (!keep.Value)
                    {
                        passed = false;
                        break;
                    }
                }

                if (counts[k] >= max)
                {
                    return null;
                }

                counts[k]++;
                if (stage.RawTransform && stage.Transform.TryEvalJson(ctx, out var child, out var childType) && MutableListValue.WrapsSafely(childType))
                {
                    raw = true;
                    node = child;
                    type = childType;
                }
                else
                {
                    var v = stage.Transform.Eval(ctx);
                    if (v is ErrorValue)
                    {
                        return null;
                    }

                    raw = false;
                    value = v;
                }
            }

            if (passed && into is not null)
            {
                Gather(into, raw, node, type, value);
            }
        }

        if (into is not null)
        {
            return into.Freeze();
        }

        return ctx.Charge(1) is null ? IntValue.Of(counts[^1]) : null;
    }

    /// <summary>Appends an element as <see cref="AppendNode"/> does: unwrapped while the list stays JSON of one type.</summary>
    private static void Gather(MutableListValue into, bool raw, JsonNode? node, CelType? type, CelValue? value)
    {
        if (raw && into.TryAddRaw(node, type))
        {
            return;
        }

        into.Add(raw ? JsonValues.FromNode(node, type) : value!);
    }
}
