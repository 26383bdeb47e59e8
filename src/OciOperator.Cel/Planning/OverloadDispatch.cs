using OciOperator.Cel.Library;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Planning;

/// <summary>
/// Chooses the overload of a call site for the run-time argument values. A call site usually sees the same argument
/// classes every time, so the last choice is remembered (a monomorphic inline cache keyed on the arguments' .NET
/// types; it is one immutable reference, so concurrent evaluations at worst recompute it). Overloads whose matching
/// depends on more than the .NET type (opaque types) are always matched in full.
/// </summary>
internal sealed class OverloadDispatch
{
    private readonly CelOverload[] _overloads;
    private readonly bool _cacheable;
    private Entry? _last;

    public OverloadDispatch(CelOverload[] overloads)
    {
        _overloads = overloads;
        _cacheable = overloads.All(o => o.MatchesByClrType);
        if (overloads.Length == 1 && overloads[0].Parameters.All(p => p.Kind is CelTypeKind.Dyn or CelTypeKind.TypeParam))
        {
            // One overload that accepts anything: no matching at all.
            Single = overloads[0];
        }
    }

    /// <summary>The only overload, when it accepts any arguments.</summary>
    public CelOverload? Single { get; }

    public CelOverload? Resolve(CelValue a)
    {
        if (Single is { } single)
        {
            return single;
        }

        var last = _last;
        var ta = a.GetType();
        if (last is not null && last.A == ta)
        {
            return last.Overload;
        }

        foreach (var o in _overloads)
        {
            if (CelOverload.Matches(o.Parameters[0], a))
            {
                Remember(new Entry(ta, null, o));
                return o;
            }
        }

        return null;
    }

    public CelOverload? Resolve(CelValue a, CelValue b)
    {
        if (Single is { } single)
        {
            return single;
        }

        var last = _last;
        var ta = a.GetType();
        var tb = b.GetType();
        if (last is not null && last.A == ta && last.B == tb)
        {
            return last.Overload;
        }

        foreach (var o in _overloads)
        {
            if (CelOverload.Matches(o.Parameters[0], a) && CelOverload.Matches(o.Parameters[1], b))
            {
                Remember(new Entry(ta, tb, o));
                return o;
            }
        }

        return null;
    }

    public CelOverload? Resolve(CelValue[] args)
    {
        if (Single is { } single)
        {
            return single;
        }

        foreach (var o in _overloads)
        {
            if (o.Accepts(args))
            {
                return o;
            }
        }

        return null;
    }

    private void Remember(Entry e)
    {
        if (_cacheable)
        {
            _last = e;
        }
    }

    private sealed record Entry(Type A, Type? B, CelOverload Overload);
}
