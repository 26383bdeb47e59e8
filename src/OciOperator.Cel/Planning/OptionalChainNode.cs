using System.Text.Json.Nodes;
using OciOperator.Cel.Common;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Planning;

/// <summary>
/// A chain of optional field selections <c>operand.?f1.?f2...</c>, optionally ended by <c>orValue(d)</c> or
/// <c>hasValue()</c>, evaluated in one step: no intermediate optionals, and over JSON data no intermediate wrappers
/// (only the final value is wrapped). Semantics are those of the optionals library's <c>_?._</c>, <c>orValue</c>
/// and <c>hasValue</c>.
/// </summary>
internal sealed class OptionalChainNode(Interpretable operand, StringValue[] fields, int[] positions, OptionalChainMode mode, Interpretable? orElse) : Interpretable
{
    public override CelValue Eval(EvalContext ctx)
    {
        CelValue? found;
        if (operand.TryEvalJson(ctx, out var node, out var type))
        {
            found = WalkJson(node, type, 0);
        }
        else
        {
            var v = operand.Eval(ctx);
            if (v is ErrorValue)
            {
                return v;
            }

            found = Walk(v, 0);
        }

        if (found is ErrorValue)
        {
            return Located(found);
        }

        if (mode == OptionalChainMode.OrValue)
        {
            // orValue is a strict function: its argument is evaluated (and its error reported) even when unused.
            var fallback = orElse!.Eval(ctx);
            return fallback is ErrorValue ? fallback : found ?? fallback;
        }

        return mode switch
        {
            OptionalChainMode.HasValue => BoolValue.Of(found is not null),
            _ => found is null ? OptionalValue.None : OptionalValue.Of(found),
        };
    }

    /// <summary>
    /// In <see cref="OptionalChainMode.OrValue"/> mode over JSON: the found node itself when the whole chain was walked
    /// on JSON (and the default has no error); otherwise false, and <see cref="Eval"/> gives the value.
    /// </summary>
    public override bool TryEvalJson(EvalContext ctx, out JsonNode? node, out CelType? type)
    {
        // The walk keeps locals and writes each out parameter once (a write through a reference is a checked write barrier).
        if (mode == OptionalChainMode.OrValue && operand.TryEvalJson(ctx, out var current, out var currentType))
        {
            var walked = true;
            for (var i = 0; i < fields.Length; i++)
            {
                if (current is not JsonObject o || !o.TryGetPropertyValue(fields[i].Value, out var child))
                {
                    walked = false;
                    break;
                }

                currentType = currentType is null ? null : JsonObjectMapValue.FieldTypeOf(currentType, fields[i].Value);
                current = child;
            }

            if (walked && orElse!.Eval(ctx) is not ErrorValue)
            {
                node = current;
                type = currentType;
                return true;
            }
        }

        node = null;
        type = null;
        return false;
    }

    /// <summary>Selects fields from <paramref name="v"/> starting at <paramref name="i"/>: the value, null when absent, or an error.</summary>
    private CelValue? Walk(CelValue v, int i)
    {
        for (; i < fields.Length; i++)
        {
            while (v is OptionalValue o)
            {
                if (o.Value is null)
                {
                    return null;
                }

                v = o.Value;
            }

            switch (v)
            {
                case JsonObjectMapValue json:
                    return WalkJson(json.Object, json.SchemaType, i);
                case MapValue m:
                    if (!m.TryGet(fields[i], out v))
                    {
                        return null;
                    }

                    if (v is ErrorValue unfit)
                    {
                        return unfit.At(positions[i]);
                    }

                    break;
                default:
                    return new ErrorValue($"type '{v.Type}' does not support field selection", positions[i]);
            }
        }

        return v;
    }

    private CelValue? WalkJson(JsonNode? node, CelType? type, int i)
    {
        for (; i < fields.Length; i++)
        {
            if (node is not JsonObject o)
            {
                var value = CelJson.FromNode(node, type);
                return value is ErrorValue bad ? bad.At(i > 0 ? positions[i - 1] : Position) : Walk(value, i);
            }

            if (!o.TryGetPropertyValue(fields[i].Value, out var child))
            {
                return null;
            }

            type = JsonObjectMapValue.FieldTypeOf(type, fields[i].Value);
            node = child;
        }

        var found = CelJson.FromNode(node, type);
        return found is ErrorValue unfit ? unfit.At(i > 0 ? positions[i - 1] : Position) : found;
    }
}
