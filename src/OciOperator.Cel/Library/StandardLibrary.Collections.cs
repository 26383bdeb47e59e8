using OciOperator.Cel.Ast;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Library;

/// <summary>size, membership, indexing, and the internal map-insert helper used by transformMap macros.</summary>
internal static partial class StandardLibrary
{
    private static void RegisterCollections(FunctionRegistry r)
    {
        var i = CelType.Int;
        foreach (var member in new[] { false, true })
        {
            void Add<T>(string id, CelType t, Func<T, CelValue> f)
                where T : CelValue
            {
                if (member)
                {
                    r.MemberUnary(id.Length > 0 ? "size" : "size", id + "_member", i, t, f);
                }
                else
                {
                    r.Unary("size", id, i, t, f);
                }
            }

            Add<StringValue>("size_string", CelType.String, s => IntValue.Of(s.CodePointCount));
            Add<BytesValue>("size_bytes", CelType.Bytes, b => IntValue.Of(b.Value.Length));
            Add<ListValue>("size_list", ListA, l => IntValue.Of(l.Count));
            Add<MapValue>("size_map", MapKV, m => IntValue.Of(m.Count));
        }

        r.Binary<CelValue, ListValue>("@in", "in_list", CelType.Bool, A, ListA, (x, l) =>
        {
            for (var k = 0; k < l.Count; k++)
            {
                if (CelEquality.Equal(x, l[k]))
                {
                    return BoolValue.True;
                }
            }

            return BoolValue.False;
        });
        r.Binary<CelValue, MapValue>("@in", "in_map", CelType.Bool, K, MapKV, (x, m) => BoolValue.Of(m.TryGet(x, out _)));
        r.Binary<ListValue, CelValue>("_[_]", "index_list", A, ListA, CelType.Dyn, (l, x) => IndexList(l, x));
        r.Binary<MapValue, CelValue>("_[_]", "index_map", V, MapKV, K, (m, k) => IndexMap(m, k));
        r.Global(MacroNames.MapInsert, "cel_@mapInsert_map_key_value", MapKV, [MapKV, K, V], a => MapInsert((MapValue)a[0], a[1], a[2]));
        r.Global(MacroNames.MapInsert, "cel_@mapInsert_map_map", MapKV, [MapKV, MapKV], a => MapMerge((MapValue)a[0], (MapValue)a[1]));
    }

    internal static CelValue IndexList(ListValue l, CelValue index)
    {
        long idx;
        switch (index)
        {
            case IntValue iv:
                idx = iv.Value;
                break;
            case UintValue uv when uv.Value <= long.MaxValue:
                idx = (long)uv.Value;
                break;
            case DoubleValue dv when Math.Floor(dv.Value) == dv.Value && Math.Abs(dv.Value) < 9e18:
                idx = (long)dv.Value;
                break;
            case DoubleValue or UintValue:
                return new ErrorValue($"unsupported index value {index}");
            default:
                return ErrorValue.NoSuchOverload("_[_]");
        }

        return idx < 0 || idx >= l.Count ? new ErrorValue($"index out of bounds: {idx}") : l[(int)idx];
    }

    internal static CelValue IndexMap(MapValue m, CelValue key)
    {
        if (key is not (IntValue or UintValue or DoubleValue or StringValue or BoolValue))
        {
            return key is NullValue or BytesValue or ListValue or MapValue or TimestampValue or DurationValue
                ? ErrorValue.NoSuchKey(key)
                : ErrorValue.NoSuchOverload("_[_]");
        }

        return m.TryGet(key, out var v) ? v : ErrorValue.NoSuchKey(key);
    }

    private static CelValue MapInsert(MapValue m, CelValue k, CelValue v)
    {
        if (m.TryGet(k, out _))
        {
            return new ErrorValue($"insert failed: key {k} already exists");
        }

        var entries = m.Entries().ToList();
        entries.Add(new KeyValuePair<CelValue, CelValue>(k, v));
        return DictionaryMapValue.Create(entries);
    }

    private static CelValue MapMerge(MapValue m, MapValue add)
    {
        var entries = m.Entries().ToList();
        foreach (var (k, v) in add.Entries())
        {
            if (m.TryGet(k, out _))
            {
                return new ErrorValue($"insert failed: key {k} already exists");
            }

            entries.Add(new KeyValuePair<CelValue, CelValue>(k, v));
        }

        return DictionaryMapValue.Create(entries);
    }
}
