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
            case MapValue m when testOnly:
                return BoolValue.Of(m.ContainsKey(field));
            case MapValue m:
            {
                var found = m.TryGet(field, out var v);

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
                    if (testOnly)
                    {
                        return BoolValue.Of(om.ContainsKey(field));
                    }

                    return om.TryGet(field, out var ov) ? OptionalValue.Of(ov) : OptionalValue.None;
                }

                return new ErrorValue($"type '{o.Value.Type}' does not support field selection", position);
            default:
                return new ErrorValue($"type '{operand.Type}' does not support field selection", position);
        }
    }
}
