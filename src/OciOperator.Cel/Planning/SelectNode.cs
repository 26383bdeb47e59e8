using System.Text.Json.Nodes;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Planning;

/// <summary>
/// Field selection (or the <c>has()</c> test) on a computed operand. On a comprehension variable bound to raw JSON
/// the field is read in place: only the selected value is wrapped (nothing for <c>has()</c>).
/// </summary>
internal sealed class SelectNode(Interpretable operand, string field, bool testOnly) : Interpretable
{
    private readonly StringValue _key = StringValue.Of(field);
    // Operands that only read (so that falling back evaluates nothing twice that costs or fails differently); an
    // attribute path (has(x.a.b)) is walked on the JSON in place, so a presence test wraps nothing.
    private readonly Interpretable? _json = operand is SlotNode or JsonIndexNode or SelectNode or AttributeNode ? operand : null;

    /// <summary>Whether this is a field path on a loop variable (<c>v.a.b</c>): reading it in place costs nothing and
    /// has no effect, so a failed <see cref="TryEvalJson"/> can be followed by <see cref="Eval"/>.</summary>
    public bool ReadsLoopVariable => !testOnly && operand is SlotNode or SelectNode { ReadsLoopVariable: true };

    // An index read in place charges when it succeeds even if this selection then evaluates its operand again.
    public override long? StaticCost => operand is JsonIndexNode ? null : operand.StaticCost;

    public override bool TryEvalJson(EvalContext ctx, out JsonNode? node, out CelType? type)
    {
        if (!testOnly && _json is not null && _json.TryEvalJson(ctx, out var parent, out var parentType)
            && parent is JsonObject obj && obj.TryGetPropertyValue(field, out node))
        {
            type = JsonObjectMapValue.FieldTypeOf(parentType, field);
            return true;
        }

        node = null;
        type = null;
        return false;
    }

    public override CelValue Eval(EvalContext ctx)
    {
        if (_json is not null && _json.TryEvalJson(ctx, out var node, out var type) && node is JsonObject obj)
        {
            if (testOnly)
            {
                return BoolValue.Of(obj.ContainsKey(field));
            }

            if (!obj.TryGetPropertyValue(field, out var child))
            {
                return new ErrorValue($"no such key: {field}", Position);
            }

            var v = JsonValues.FromNode(child, JsonObjectMapValue.FieldTypeOf(type, field));
            return v is ErrorValue bad ? bad.At(Position) : v;
        }

        return FieldSelection.Select(operand.Eval(ctx), _key, testOnly, Position);
    }
}
