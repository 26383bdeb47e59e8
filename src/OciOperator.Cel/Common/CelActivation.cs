using System.Text.Json;
using System.Text.Json.Nodes;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Common;

/// <summary>
/// An activation over host objects: <see cref="CelValue"/>, <see cref="JsonNode"/>, <see cref="JsonElement"/>,
/// strings, numbers, bools, byte arrays, <see cref="DateTimeOffset"/>, <see cref="TimeSpan"/>, lists and
/// string-keyed dictionaries. JSON is wrapped lazily (no copy).
/// </summary>
public sealed class CelActivation : ICelActivation
{
    public static readonly CelActivation Empty = new(new Dictionary<string, object?>());
    private readonly IReadOnlyDictionary<string, object?> _variables;

    // The usual concrete dictionary, called directly (no interface dispatch on every variable read).
    private readonly Dictionary<string, object?>? _dictionary;
    private readonly IReadOnlyDictionary<string, CelType>? _types;

    /// <summary>Creates an activation; <paramref name="types"/> (e.g. the environment's declared variable types)
    /// makes JSON values follow their schema types.</summary>
    public CelActivation(IReadOnlyDictionary<string, object?> variables, IReadOnlyDictionary<string, CelType>? types = null)
    {
        _variables = variables;
        _dictionary = variables?.GetType() == typeof(Dictionary<string, object?>) ? (Dictionary<string, object?>)variables : null;
        _types = types;
    }

    public bool TryResolve(string name, out CelValue value)
    {
        if (_variables.TryGetValue(name, out var raw))
        {
            value = raw is JsonNode node && _types is not null && _types.TryGetValue(name, out var t) ? CelJson.FromNode(node, t) : ToValue(raw);
            return true;
        }

        value = NullValue.Instance;
        return false;
    }

    /// <summary>The declared variable types the activation was created with (null when none).</summary>
    internal IReadOnlyDictionary<string, CelType>? Types => _types;

    /// <summary>The host object bound to <paramref name="name"/>, unconverted.</summary>
    internal bool TryGetRaw(string name, out object? raw) =>
        _dictionary is { } dictionary ? dictionary.TryGetValue(name, out raw) : _variables.TryGetValue(name, out raw);

    /// <summary>Converts a host object to a CEL value.</summary>
    public static CelValue ToValue(object? raw) => raw switch
    {
        null => NullValue.Instance,
        CelValue v => v,
        JsonNode n => CelJson.FromNode(n),
        JsonElement e => CelJson.FromElement(e),
        string s => StringValue.Of(s),
        bool b => BoolValue.Of(b),
        int i => IntValue.Of(i),
        long l => IntValue.Of(l),
        uint u => UintValue.Of(u),
        ulong u => UintValue.Of(u),
        double d => DoubleValue.Of(d),
        float f => DoubleValue.Of(f),
        byte[] bytes => new BytesValue(bytes),
        DateTimeOffset t => TimestampValue.Create(((Int128)(t.UtcTicks - DateTime.UnixEpoch.Ticks)) * 100),
        DateTime t => TimestampValue.Create(((Int128)(t.ToUniversalTime().Ticks - DateTime.UnixEpoch.Ticks)) * 100),
        TimeSpan t => DurationValue.Create((Int128)t.Ticks * 100),
        IDictionary<string, object?> d => DictionaryMapValue.Create(d.Select(kv => new KeyValuePair<CelValue, CelValue>(StringValue.Of(kv.Key), ToValue(kv.Value))).ToList()),
        System.Collections.IDictionary d => FromDictionary(d),
        System.Collections.IEnumerable e => new ArrayListValue(e.Cast<object?>().Select(ToValue).ToArray()),
        _ => new ErrorValue($"unsupported host value of type {raw.GetType().Name}"),
    };

    private static CelValue FromDictionary(System.Collections.IDictionary d)
    {
        var entries = new List<KeyValuePair<CelValue, CelValue>>(d.Count);
        foreach (System.Collections.DictionaryEntry e in d)
        {
            entries.Add(new KeyValuePair<CelValue, CelValue>(ToValue(e.Key), ToValue(e.Value)));
        }

        return DictionaryMapValue.Create(entries);
    }
}
