using OciOperator.Cel.Library;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Extensions;

/// <summary>Optional values (cel-go optional types): optional.of/none/ofNonZeroValue, hasValue, value, or, orValue, ?. and [?].</summary>
internal static class OptionalsLibrary
{
    private static readonly CelType A = CelType.Param("A");
    private static readonly CelType OptA = CelType.Optional(A);

    public static void Register(FunctionRegistry r)
    {
        r.Unary<CelValue>("optional.of", "optional_of", OptA, A, OptionalValue.Of);
        r.Unary<CelValue>("optional.ofNonZeroValue", "optional_ofNonZeroValue", OptA, A, v => IsZero(v) ? OptionalValue.None : OptionalValue.Of(v));
        r.Global("optional.none", "optional_none", OptA, [], _ => OptionalValue.None);
        r.MemberUnary<OptionalValue>("hasValue", "optional_hasValue", CelType.Bool, OptA, o => BoolValue.Of(o.HasValue));
        r.MemberUnary<OptionalValue>("value", "optional_value", A, OptA, o => o.Value ?? new ErrorValue("optional.none() dereference"));
        r.MemberBinary<OptionalValue, OptionalValue>("or", "optional_or_optional", OptA, OptA, OptA, (a, b) => a.HasValue ? a : b);
        r.MemberBinary<OptionalValue, CelValue>("orValue", "optional_orValue_value", A, OptA, A, (a, b) => a.Value ?? b);
        var k = CelType.Param("K");
        var v = CelType.Param("V");
        r.Binary<CelValue, StringValue>("_?._", "select_optional_field_map", CelType.Optional(v), CelType.Map(k, v), CelType.String, OptSelect);
        r.Binary<CelValue, StringValue>("_?._", "select_optional_field_optional", OptA, CelType.Optional(CelType.Map(CelType.Param("K2"), A)), CelType.String, OptSelect);
        r.Binary<CelValue, StringValue>("_?._", "select_optional_field", CelType.OptionalOfDyn, CelType.Dyn, CelType.String, OptSelect);
        r.Binary<CelValue, CelValue>("_[?_]", "list_optindex_optional_int", OptA, CelType.List(A), CelType.Int, OptIndex);
        r.Binary<CelValue, CelValue>("_[?_]", "map_optindex_optional_value", CelType.Optional(v), CelType.Map(k, v), k, OptIndex);
        r.Binary<CelValue, CelValue>("_[?_]", "optional_index", CelType.OptionalOfDyn, CelType.Dyn, CelType.Dyn, OptIndex);
        r.Binary<OptionalValue, CelValue>("_[_]", "optional_list_index_int", OptA, CelType.Optional(CelType.List(A)), CelType.Int, (o, k) => o.Value is null ? o : OptIndex(o.Value, k));
        r.Binary<OptionalValue, CelValue>("_[_]", "optional_map_index_value", CelType.Optional(v), CelType.Optional(CelType.Map(k, v)), k, (o, key) => o.Value is null ? o : OptIndex(o.Value, key));
    }

    internal static CelValue OptSelect(CelValue operand, StringValue field)
    {
        switch (operand)
        {
            case OptionalValue { Value: null } none:
                return none;
            case OptionalValue { Value: { } inner }:
                return OptSelect(inner, field);
            case MapValue m:
                return m.TryGet(field, out var v) ? OptionalValue.Of(v) : OptionalValue.None;
            default:
                return new ErrorValue($"type '{operand.Type}' does not support field selection");
        }
    }

    private static CelValue OptIndex(CelValue operand, CelValue key)
    {
        switch (operand)
        {
            case OptionalValue { Value: null } none:
                return none;
            case OptionalValue { Value: { } inner }:
                return OptIndex(inner, key);
            case MapValue m:
                return m.TryGet(key, out var v) ? OptionalValue.Of(v) : OptionalValue.None;
            case ListValue l:
            {
                var r = StandardLibrary.IndexList(l, key);
                return r is ErrorValue ? (key is IntValue ? OptionalValue.None : r) : OptionalValue.Of(r);
            }

            default:
                return ErrorValue.NoSuchOverload("_[?_]");
        }
    }

    private static bool IsZero(CelValue v) => v switch
    {
        NullValue => true,
        BoolValue b => !b.Value,
        IntValue i => i.Value == 0,
        UintValue u => u.Value == 0,
        DoubleValue d => d.Value == 0,
        StringValue s => s.Value.Length == 0,
        BytesValue b => b.Value.Length == 0,
        ListValue l => l.Count == 0,
        MapValue m => m.Count == 0,
        DurationValue d => d.Nanos == 0,
        TimestampValue t => t.UnixNanos == 0,
        _ => false,
    };
}
