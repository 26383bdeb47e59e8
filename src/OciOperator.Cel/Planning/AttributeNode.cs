using OciOperator.Cel.Values;

namespace OciOperator.Cel.Planning;

/// <summary>
/// Resolves a (possibly qualified) name against the activation, trying the most qualified candidate first
/// (container prefixes, then shorter variable names followed by field selection), then type names.
/// </summary>
internal sealed class AttributeNode(AttributeCandidate[] candidates, CelValue? typeValue, string displayName, string container) : Interpretable
{
    public override CelValue Eval(EvalContext ctx)
    {
        foreach (var c in candidates)
        {
            if (ctx.Activation.TryResolve(c.Variable, out var value))
            {
                var fields = c.Fields;
                for (var i = 0; i < fields.Length; i++)
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

        return typeValue ?? Error($"undeclared reference to '{displayName}' (in container '{container}')");
    }
}
