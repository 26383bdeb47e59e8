using System.Text.Json.Nodes;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Planning;

/// <summary>
/// The built-in <c>_[_]</c> with a constant int or string index over a value read from JSON
/// (<c>svc.status.loadBalancer.ingress[0]</c>): the element is found in place, and only what is finally read gets
/// wrapped. Out-of-range indexes, missing keys and anything that is not JSON take the general call.
/// </summary>
internal sealed class JsonIndexNode(Interpretable operand, CelValue index, Interpretable general) : Interpretable
{
    public override CelValue Eval(EvalContext ctx)
    {
        if (!TryFind(ctx, out var node, out var type))
        {
            return general.Eval(ctx);
        }

        if (ctx.Charge(1) is { } budget)
        {
            return budget.At(Position);
        }

        var v = JsonValues.FromNode(node, type);
        return v is ErrorValue bad ? bad.At(Position) : v;
    }

    public override bool TryEvalJson(EvalContext ctx, out JsonNode? node, out CelType? type)
    {
        if (TryFind(ctx, out node, out type) && ctx.Charge(1) is null)
        {
            return true;
        }

        node = null;
        type = null;
        return false;
    }

    private bool TryFind(EvalContext ctx, out JsonNode? node, out CelType? type)
    {
        if (operand.TryEvalJson(ctx, out var container, out var containerType))
        {
            switch (container, index)
            {
                case (JsonArray a, IntValue i) when i.Value >= 0 && i.Value < a.Count && containerType is null or { Kind: CelTypeKind.List or CelTypeKind.Dyn }:
                    node = a[(int)i.Value];
                    type = containerType?.Kind == CelTypeKind.List ? containerType.Elem : null;
                    return true;
                case (JsonObject o, StringValue k) when o.TryGetPropertyValue(k.Value, out var child):
                    node = child;
                    type = JsonObjectMapValue.FieldTypeOf(containerType, k.Value);
                    return true;
            }
        }

        node = null;
        type = null;
        return false;
    }
}
