using System.Text.Json.Nodes;
using OciOperator.Cel.Common;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Planning;

/// <summary>
/// Resolves a (possibly qualified) name against the activation, trying the most qualified candidate first
/// (container prefixes, then shorter variable names followed by field selection), then type names. Over JSON
/// variables the field path is walked on the JSON itself and only the final node is wrapped.
/// </summary>
internal sealed class AttributeNode(AttributeCandidate[] candidates, CelValue? typeValue, string displayName, string container) : Interpretable
{
    public override long? StaticCost => 0;

    public override CelValue Eval(EvalContext ctx)
    {
        foreach (var c in candidates)
        {
            ref readonly var slot = ref ctx.ReadVariable(c);
            switch (slot.Kind)
            {
                case VariableKind.Json:
                    var type = slot.Type;
                    var node = WalkJson(c, slot.Node, ref type, out var walked);
                    // A JSON value that does not fit its schema type (bad base64, a malformed date-time) is an error of
                    // the selection that read it.
                    var read = CelJson.FromNode(node, type);
                    if (read is ErrorValue bad)
                    {
                        return bad.At(walked > 0 ? c.FieldPositions[walked - 1] : Position);
                    }

                    return walked == c.Fields.Length ? read : SelectFrom(c, read, walked);
                case VariableKind.Value:
                    return SelectFrom(c, slot.Value!, 0);
            }
        }

        return typeValue ?? Error($"undeclared reference to '{displayName}' (in container '{container}')");
    }

    public override bool TryEvalJson(EvalContext ctx, out JsonNode? node, out CelType? type)
    {
        foreach (var c in candidates)
        {
            ref readonly var slot = ref ctx.ReadVariable(c);
            switch (slot.Kind)
            {
                case VariableKind.Json:
                    var walkedType = slot.Type;
                    var walkedNode = WalkJson(c, slot.Node, ref walkedType, out var walked);
                    // The out parameters are written once each (through a checked write barrier).
                    node = walkedNode;
                    type = walkedType;
                    return walked == c.Fields.Length;
                case VariableKind.Value:
                    node = null;
                    type = null;
                    return false;
            }
        }

        node = null;
        type = null;
        return false;
    }

    /// <summary>Follows the candidate's fields through JSON objects from <paramref name="node"/>: the node reached, with
    /// <paramref name="walked"/> the number of fields followed (locals throughout, no writes through references).</summary>
    private static JsonNode? WalkJson(AttributeCandidate c, JsonNode? node, ref CelType? type, out int walked)
    {
        var fields = c.Fields;
        var t = type;
        for (var i = 0; i < fields.Length; i++)
        {
            if (node is not JsonObject o || !o.TryGetPropertyValue(fields[i].Value, out var child))
            {
                type = t;
                walked = i;
                return node;
            }

            t = t is null ? null : JsonObjectMapValue.FieldTypeOf(t, fields[i].Value);
            node = child;
        }

        type = t;
        walked = fields.Length;
        return node;
    }

    private CelValue SelectFrom(AttributeCandidate c, CelValue value, int start)
    {
        var fields = c.Fields;
        for (var i = start; i < fields.Length; i++)
        {
            value = FieldSelection.Select(value, fields[i], false, c.FieldPositions[i]);
            if (value is ErrorValue)
            {
                return Located(value);
            }
        }

        return Located(value);
    }
}
