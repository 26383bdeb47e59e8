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
            switch (ctx.ReadVariable(c, out var node, out var type, out var value))
            {
                case VariableKind.Json:
                    var walked = WalkJson(c, ref node, ref type);
                    // A JSON value that does not fit its schema type (bad base64, a malformed date-time) is an error of
                    // the selection that read it.
                    var read = CelJson.FromNode(node, type);
                    if (read is ErrorValue bad)
                    {
                        return bad.At(walked > 0 ? c.FieldPositions[walked - 1] : Position);
                    }

                    return walked == c.Fields.Length ? read : SelectFrom(c, read, walked);
                case VariableKind.Value:
                    return SelectFrom(c, value!, 0);
            }
        }

        return typeValue ?? Error($"undeclared reference to '{displayName}' (in container '{container}')");
    }

    public override bool TryEvalJson(EvalContext ctx, out JsonNode? node, out CelType? type)
    {
        foreach (var c in candidates)
        {
            switch (ctx.ReadVariable(c, out node, out type, out _))
            {
                case VariableKind.Json:
                    return WalkJson(c, ref node, ref type) == c.Fields.Length;
                case VariableKind.Value:
                    return false;
            }
        }

        node = null;
        type = null;
        return false;
    }

    /// <summary>Follows the candidate's fields through JSON objects; returns how many were followed.</summary>
    private static int WalkJson(AttributeCandidate c, ref JsonNode? node, ref CelType? type)
    {
        var fields = c.Fields;
        for (var i = 0; i < fields.Length; i++)
        {
            if (node is not JsonObject o || !o.TryGetPropertyValue(fields[i].Value, out var child))
            {
                return i;
            }

            type = JsonObjectMapValue.FieldTypeOf(type, fields[i].Value);
            node = child;
        }

        return fields.Length;
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
