using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using OciOperator.Cel.Library;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Extensions;

/// <summary>
/// kro's CEL libraries with kro's exact results (kro.md Addendum A.5.1): random.seededString/seededInt, merge/deepMerge, json.marshal/unmarshal,
/// hash.fnv64a/sha256/md5, lists.setAtIndex/insertAtIndex/removeAtIndex.
/// </summary>
internal static class KroLibrary
{
    /// <summary>kro's alphabet for seeded strings: lower-case alphanumerics, so the results are DNS-safe.</summary>
    private const string Alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";

    /// <summary>A cap kro does not have, so that one expression cannot allocate without bound.</summary>
    private const int MaxRandomLength = 1_000_000;

    public static void Register(FunctionRegistry r)
    {
        var s = CelType.String;
        var i = CelType.Int;
        var a = CelType.Param("A");
        var listA = CelType.List(a);
        var mapKV = CelType.Map(CelType.Param("K"), CelType.Param("V"));
        r.Binary<IntValue, StringValue>("random.seededString", "random.seededString_int_string", s, i, s, SeededString);
        r.Global("random.seededInt", "random.seededInt_int_int_string", i, [i, i, s], x => SeededInt(((IntValue)x[0]).Value, ((IntValue)x[1]).Value, ((StringValue)x[2]).Value));
        r.MemberBinary<MapValue, MapValue>("merge", "map_merge", mapKV, mapKV, mapKV, Merge);
        r.MemberBinary<CelValue, CelValue>("deepMerge", "dyn_deepMerge_dyn", CelType.Dyn, CelType.Dyn, CelType.Dyn, (x, y) =>
            x is MapValue mx && y is MapValue my ? DeepMerge(mx, my) : new ErrorValue($"no such overload: {x.Type}.deepMerge({y.Type})"));
        r.Unary<CelValue>("json.marshal", "json.marshal_dyn", s, CelType.Dyn, GoJson.Marshal);
        r.Unary<StringValue>("json.unmarshal", "json.unmarshal_string", CelType.Dyn, s, x => GoJson.Unmarshal(x.Value));
        r.Unary<StringValue>("hash.fnv64a", "hash.fnv64a_string", CelType.Bytes, s, x => new BytesValue(Fnv64a(Encoding.UTF8.GetBytes(x.Value))));
        r.Unary<StringValue>("hash.sha256", "hash.sha256_string", CelType.Bytes, s, x => new BytesValue(SHA256.HashData(Encoding.UTF8.GetBytes(x.Value))));
#pragma warning disable CA5351 // MD5 is requested by expression authors for non-security fingerprints (kro compatibility).
        r.Unary<StringValue>("hash.md5", "hash.md5_string", CelType.Bytes, s, x => new BytesValue(MD5.HashData(Encoding.UTF8.GetBytes(x.Value))));
#pragma warning restore CA5351
        r.Global("lists.setAtIndex", "lists.setAtIndex_list_int_T", listA, [listA, i, a], x => SetAt((ListValue)x[0], ((IntValue)x[1]).Value, x[2]));
        r.Global("lists.insertAtIndex", "lists.insertAtIndex_list_int_T", listA, [listA, i, a], x => InsertAt((ListValue)x[0], ((IntValue)x[1]).Value, x[2]));
        r.Global("lists.removeAtIndex", "lists.removeAtIndex_list_int", listA, [listA, i], x => RemoveAt((ListValue)x[0], ((IntValue)x[1]).Value));
    }

    /// <summary>
    /// kro's seeded string: character i is the big-endian uint32 at offset (4i mod 32) of SHA-256(seed), modulo 36,
    /// into <see cref="Alphabet"/>. kro's re-hash branch can never run, so the result repeats every 8 characters.
    /// </summary>
    private static CelValue SeededString(IntValue length, StringValue seed)
    {
        if (length.Value <= 0)
        {
            return new ErrorValue("random.seededString length must be positive");
        }

        if (length.Value > MaxRandomLength)
        {
            return new ErrorValue($"random.seededString length must be at most {MaxRandomLength}");
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(seed.Value));
        var chars = new char[length.Value];
        for (var i = 0; i < chars.Length; i++)
        {
            var word = BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(i * 4 % hash.Length, 4));
            chars[i] = Alphabet[(int)(word % (uint)Alphabet.Length)];
        }

        return StringValue.Of(new string(chars));
    }

    /// <summary>kro's seeded int in [min, max): min + (first 8 bytes of SHA-256(seed), big-endian) mod (max - min).</summary>
    private static CelValue SeededInt(long min, long max, string seed)
    {
        if (min >= max)
        {
            return new ErrorValue("random.seededInt min must be less than max");
        }

        var v = BinaryPrimitives.ReadUInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(seed)));
        unchecked
        {
            var range = (ulong)(max - min);
            return IntValue.Of(min + (long)(v % range));
        }
    }

    /// <summary>kro's shallow merge: keys of both maps, the argument's value winning where both have one.</summary>
    private static CelValue Merge(MapValue receiver, MapValue argument)
    {
        var entries = new List<KeyValuePair<CelValue, CelValue>>(receiver.Count + argument.Count);
        foreach (var (k, v) in receiver.Entries())
        {
            entries.Add(new(k, argument.TryGet(k, out var w) ? w : v));
        }

        foreach (var (k, v) in argument.Entries())
        {
            if (!receiver.TryGet(k, out _))
            {
                entries.Add(new(k, v));
            }
        }

        return DictionaryMapValue.Create(entries);
    }

    /// <summary>
    /// kro's deep merge of two maps: keys in both are merged recursively when both values are maps, otherwise the
    /// argument's value wins; keys in one side only are kept.
    /// </summary>
    private static CelValue DeepMerge(MapValue receiver, MapValue argument)
    {
        if (receiver.Count == 0)
        {
            return argument;
        }

        if (argument.Count == 0)
        {
            return receiver;
        }

        var entries = new List<KeyValuePair<CelValue, CelValue>>(receiver.Count + argument.Count);
        foreach (var (k, v) in receiver.Entries())
        {
            if (!argument.TryGet(k, out var w))
            {
                entries.Add(new(k, v));
                continue;
            }

            var merged = v is MapValue mv && w is MapValue mw ? DeepMerge(mv, mw) : w;
            if (merged is ErrorValue)
            {
                return merged;
            }

            entries.Add(new(k, merged));
        }

        foreach (var (k, v) in argument.Entries())
        {
            if (!receiver.TryGet(k, out _))
            {
                entries.Add(new(k, v));
            }
        }

        return DictionaryMapValue.Create(entries);
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
        BinaryPrimitives.WriteUInt64BigEndian(result, hash);
        return result;
    }

    private static CelValue SetAt(ListValue l, long index, CelValue v)
    {
        if (index < 0 || index >= l.Count)
        {
            return new ErrorValue($"lists.setAtIndex: index {index} out of bounds [0, {l.Count})");
        }

        var items = l.Items().ToArray();
        items[index] = v;
        return new ArrayListValue(items);
    }

    private static CelValue InsertAt(ListValue l, long index, CelValue v)
    {
        if (index < 0 || index > l.Count)
        {
            return new ErrorValue($"lists.insertAtIndex: index {index} out of bounds [0, {l.Count}]");
        }

        var items = l.Items().ToList();
        items.Insert((int)index, v);
        return new ArrayListValue([.. items]);
    }

    private static CelValue RemoveAt(ListValue l, long index)
    {
        if (index < 0 || index >= l.Count)
        {
            return new ErrorValue($"lists.removeAtIndex: index {index} out of bounds [0, {l.Count})");
        }

        var items = l.Items().ToList();
        items.RemoveAt((int)index);
        return new ArrayListValue([.. items]);
    }
}
