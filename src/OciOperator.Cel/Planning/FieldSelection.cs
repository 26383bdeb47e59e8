using OciOperator.Cel.Values;

namespace OciOperator.Cel.Planning;

/// <summary>Field selection semantics shared by attribute and select nodes (maps, optionals).</summary>
internal static class FieldSelection
{
    /// <summary>Selects <paramref name="field"/> (a key built once at plan time); new errors are located at <paramref name="position"/>.</summary>
    public static CelValue Select(CelValue operand, StringValue field, bool testOnly, int position)
    {
        switch (operand)
        {
            case ErrorValue:
                return operand;
            case MapValue m:
            {
                var found = m.TryGet(field, out var v);
                if (testOnly)
                {
                    return BoolValue.Of(found);
                }

                if (!found)
                {
                    return new ErrorValue($"no such key: {field.Value}", position);
                }

                // A lazily converted value can be an error (JSON that does not fit its schema type): it is this selection's.
                return v is ErrorValue bad ? bad.At(position) : v;
            }

            case OptionalValue o:
                if (o.Value is null)
                {
                    return testOnly ? BoolValue.False : o;
                }

                if (o.Value is MapValue om)
                {
                    var has = om.TryGet(field, out var ov);
                    if (testOnly)
                    {
                        return BoolValue.Of(has);
                    }

                    return has ? OptionalValue.Of(ov) : OptionalValue.None;
                }

                return new ErrorValue($"type '{o.Value.Type}' does not support field selection", position);
            default:
                return new ErrorValue($"type '{operand.Type}' does not support field selection", position);
        }
    }
}
