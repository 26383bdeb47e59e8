using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OciOperator.Cel.Common;
using OciOperator.Cel.Library;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Extensions;

/// <summary>
/// kro's CEL libraries (kro.md §4.5): random.seededString/seededInt, merge/deepMerge, json.marshal/unmarshal,
/// hash.fnv64a/sha256/md5, lists.setAtIndex/insertAtIndex/removeAtIndex.
/// </summary>
internal static class KroLibrary
{
    private const string Alphanumeric = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private const int MaxRandomLength = 4096;

    public static void Register(FunctionRegistry r)
    {
        var s = CelType.String;
        var i = CelType.Int;
        var a = CelType.Param("A");
        var listA = CelType.List(a);
        r.Binary<IntValue, StringValue>("random.seededString", "random_seeded_string", s, i, s, SeededString);
        r.Global("random.seededInt", "random_seeded_int", i, [i, i, s], x => SeededInt(((IntValue)x[0]).Value, ((IntValue)x[1]).Value, ((StringValue)x[2]).Value));
        r.MemberBinary<MapValue, MapValue>("merge", "map_merge_map", CelType.MapOfDyn, CelType.MapOfDyn, CelType.MapOfDyn, Merge);
        r.MemberBinary<CelValue, CelValue>("deepMerge", "dyn_deep_merge_dyn", CelType.Dyn, CelType.Dyn, CelType.Dyn, DeepMerge);
        r.Unary<CelValue>("json.marshal", "json_marshal_dyn", s, CelType.Dyn, Marshal);
        r.Unary<StringValue>("json.unmarshal", "json_unmarshal_string", CelType.Dyn, s, Unmarshal);
        r.Unary<StringValue>("hash.fnv64a", "hash_fnv64a_string", CelType.Bytes, s, x => new BytesValue(Fnv64a(Encoding.UTF8.GetBytes(x.Value))));
        r.Unary<StringValue>("hash.sha256", "hash_sha256_string", CelType.Bytes, s, x => new BytesValue(SHA256.HashData(Encoding.UTF8.GetBytes(x.Value))));
#pragma warning disable CA5351 // MD5 is requested by expression authors for non-security fingerprints (kro compatibility).
        r.Unary<StringValue>("hash.md5", "hash_md5_string", CelType.Bytes, s, x => new BytesValue(MD5.HashData(Encoding.UTF8.GetBytes(x.Value))));
#pragma warning restore CA5351
        r.Global("lists.setAtIndex", "lists_set_at_index", listA, [listA, i, a], x => SetAt((ListValue)x[0], ((IntValue)x[1]).Value, x[2]));
        r.Global("lists.insertAtIndex", "lists_insert_at_index", listA, [listA, i, a], x => InsertAt((ListValue)x[0], ((IntValue)x[1]).Value, x[2]));
        r.Global("lists.removeAtIndex", "lists_remove_at_index", listA, [listA, i], x => RemoveAt((ListValue)x[0], ((IntValue)x[1]).Value));
    }

    /// <summary>A deterministic alphanumeric string derived from the seed (SHA-256 counter-mode stream).</summary>
    private static CelValue SeededString(IntValue length, StringValue seed)
    {
        if (length.Value is < 0 or > MaxRandomLength)
        {
            return new ErrorValue($"random.seededString: length must be between 0 and {MaxRandomLength}");
        }

        var sb = new StringBuilder((int)length.Value);
        var stream = new SeededStream(seed.Value);
        while (sb.Length < length.Value)
        {
            // Rejection sampling keeps the distribution uniform over the 62 characters.
            var b = stream.NextByte();
            if (b < 248)
            {
                sb.Append(Alphanumeric[b % Alphanumeric.Length]);
            }
        }

        return StringValue.Of(sb.ToString());
    }

    private static CelValue SeededInt(long min, long max, string seed)
    {
        if (max <= min)
        {
            return new ErrorValue("random.seededInt: max must be greater than min");
        }

        var range = (ulong)(max - min);
        var stream = new SeededStream(seed);
        var limit = ulong.MaxValue - (ulong.MaxValue % range);
        while (true)
        {
            var v = stream.NextUInt64();
            if (v < limit)
            {
                return IntValue.Of(min + (long)(v % range));
            }
        }
    }

    private static CelValue Merge(MapValue a, MapValue b)
    {
        var entries = new List<KeyValuePair<CelValue, CelValue>>();
        foreach (var (k, v) in a.Entries())
        {
            entries.Add(new(k, b.TryGet(k, out var w) ? w : v));
        }

        foreach (var (k, v) in b.Entries())
        {
            if (!a.TryGet(k, out _))
            {
                entries.Add(new(k, v));
            }
        }

        return DictionaryMapValue.Create(entries);
    }

    private static CelValue DeepMerge(CelValue a, CelValue b)
    {
        if (a is not MapValue ma || b is not MapValue mb)
        {
            return b;
        }

        var entries = new List<KeyValuePair<CelValue, CelValue>>();
        foreach (var (k, v) in ma.Entries())
        {
            var merged = mb.TryGet(k, out var w) ? DeepMerge(v, w) : v;
            if (merged is ErrorValue)
            {
                return merged;
            }

            entries.Add(new(k, merged));
        }

        foreach (var (k, v) in mb.Entries())
        {
            if (!ma.TryGet(k, out _))
            {
                entries.Add(new(k, v));
            }
        }

        return DictionaryMapValue.Create(entries);
    }

    private static CelValue Marshal(CelValue v)
    {
        try
        {
            return StringValue.Of(CelJson.ToNode(v)?.ToJsonString() ?? "null");
        }
        catch (CelEvaluationException e)
        {
            return new ErrorValue("json.marshal: " + e.Message);
        }
    }

    private static CelValue Unmarshal(StringValue s)
    {
        try
        {
            var node = JsonNode.Parse(s.Value, documentOptions: new JsonDocumentOptions { MaxDepth = 64 });
            return CelJson.FromNode(node);
        }
        catch (JsonException e)
        {
            return new ErrorValue("json.unmarshal: invalid JSON: " + e.Message);
        }
    }

    private static byte[] Fnv64a(byte[] data)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in data)
        {
            hash ^= b;
            hash *= 1099511628211UL;
        }

        var result = new byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(result, hash);
        return result;
    }

    private static CelValue SetAt(ListValue l, long index, CelValue v)
    {
        if (index < 0 || index >= l.Count)
        {
            return new ErrorValue($"lists.setAtIndex: index out of bounds: {index}");
        }

        var items = l.Items().ToArray();
        items[index] = v;
        return new ArrayListValue(items);
    }

    private static CelValue InsertAt(ListValue l, long index, CelValue v)
    {
        if (index < 0 || index > l.Count)
        {
            return new ErrorValue($"lists.insertAtIndex: index out of bounds: {index}");
        }

        var items = l.Items().ToList();
        items.Insert((int)index, v);
        return new ArrayListValue([.. items]);
    }

    private static CelValue RemoveAt(ListValue l, long index)
    {
        if (index < 0 || index >= l.Count)
        {
            return new ErrorValue($"lists.removeAtIndex: index out of bounds: {index}");
        }

        var items = l.Items().ToList();
        items.RemoveAt((int)index);
        return new ArrayListValue([.. items]);
    }
}
