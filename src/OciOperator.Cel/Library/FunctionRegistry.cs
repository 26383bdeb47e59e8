using System.Collections.Immutable;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Library;

/// <summary>A declarative table of functions and their overloads, filled by the standard library and extensions.</summary>
public sealed class FunctionRegistry
{
    private readonly Dictionary<string, List<CelOverload>> _functions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CelType> _types = new(StringComparer.Ordinal);

    /// <summary>Type names contributed by libraries (usable as identifiers, e.g. <c>net.IP</c>).</summary>
    public IReadOnlyDictionary<string, CelType> Types => _types;

    public void RegisterType(string name, CelType type) => _types[name] = type;

    public IEnumerable<string> FunctionNames => _functions.Keys;

    public IReadOnlyList<CelOverload> Lookup(string function) =>
        _functions.TryGetValue(function, out var list) ? list : [];

    public bool Contains(string function) => _functions.ContainsKey(function);

    public void Add(CelOverload overload)
    {
        if (!_functions.TryGetValue(overload.Function, out var list))
        {
            list = [];
            _functions[overload.Function] = list;
        }

        list.RemoveAll(o => o.Id == overload.Id);
        list.Add(overload);
    }

    /// <summary>Declares a global function overload.</summary>
    public void Global(string function, string id, CelType result, CelType[] parameters, Func<CelValue[], CelValue>? impl) =>
        Add(new CelOverload(id, function, false, [.. parameters], result, impl));

    /// <summary>Declares a member (receiver-style) overload; the receiver is the first parameter.</summary>
    public void Member(string function, string id, CelType result, CelType[] parameters, Func<CelValue[], CelValue>? impl) =>
        Add(new CelOverload(id, function, true, [.. parameters], result, impl));

    public void Unary<T>(string function, string id, CelType result, CelType p, Func<T, CelValue> impl)
        where T : CelValue => Add(UnaryOverload(function, id, false, result, p, impl));

    public void Binary<T, TU>(string function, string id, CelType result, CelType p1, CelType p2, Func<T, TU, CelValue> impl)
        where T : CelValue
        where TU : CelValue => Add(BinaryOverload(function, id, false, result, p1, p2, impl));

    public void MemberUnary<T>(string function, string id, CelType result, CelType p, Func<T, CelValue> impl)
        where T : CelValue => Add(UnaryOverload(function, id, true, result, p, impl));

    public void MemberBinary<T, TU>(string function, string id, CelType result, CelType p1, CelType p2, Func<T, TU, CelValue> impl)
        where T : CelValue
        where TU : CelValue => Add(BinaryOverload(function, id, true, result, p1, p2, impl));

    private static CelOverload UnaryOverload<T>(string function, string id, bool member, CelType result, CelType p, Func<T, CelValue> impl)
        where T : CelValue =>
        new(id, function, member, [p], result, a => impl((T)a[0])) { Unary = a => impl((T)a) };

    private static CelOverload BinaryOverload<T, TU>(string function, string id, bool member, CelType result, CelType p1, CelType p2, Func<T, TU, CelValue> impl)
        where T : CelValue
        where TU : CelValue =>
        new(id, function, member, [p1, p2], result, a => impl((T)a[0], (TU)a[1])) { Binary = (a, b) => impl((T)a, (TU)b) };

    public FunctionRegistry Clone()
    {
        var copy = new FunctionRegistry();
        foreach (var (name, list) in _functions)
        {
            copy._functions[name] = [.. list];
        }

        foreach (var (name, type) in _types)
        {
            copy._types[name] = type;
        }

        return copy;
    }
}
