using OciOperator.Cel.Values;

namespace OciOperator.Cel.Planning;

/// <summary>Field selection semantics shared by attribute and select nodes (maps, optionals).</summary>
internal static class FieldSelection
{
    public static CelValue Select(CelValue operand, string field, bool testOnly)
    {
        switch (operand)
        {
            case ErrorValue:
                return operand;
            case MapValue m:
            {
                var found = m.TryGet(StringValue.Of(field), out var v);
                if (testOnly)
                {
                    return BoolValue.Of(found);
                }

                return found ? v : new ErrorValue($"no such key: '{field}'");
            }

            case OptionalValue o:
                if (o.Value is null)
                {
                    return testOnly ? BoolValue.False : o;
                }

                if (o.Value is MapValue om)
                {
                    var has = om.TryGet(StringValue.Of(field), out var ov);
                    if (testOnly)
                    {
                        return BoolValue.Of(has);
                    }

                    return has ? OptionalValue.Of(ov) : OptionalValue.None;
                }

                return new ErrorValue($"type '{o.Value.Type}' does not support field selection");
            default:
                return new ErrorValue($"type '{operand.Type}' does not support field selection");
        }
    }
}
