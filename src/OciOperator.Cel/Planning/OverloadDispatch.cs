using OciOperator.Cel.Library;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Planning;

/// <summary>
/// Chooses the overload of a call site for the run-time argument values. A call site usually sees the same argument
/// classes every time, so the last choice is remembered (a monomorphic inline cache keyed on the arguments' .NET
/// types; it is one immutable reference, so concurrent evaluations at worst recompute it). Only choices made for
/// arguments that are not opaque values are remembered: an opaque parameter matches by type name, not by .NET type,
/// and can only match opaque values.
/// </summary>
internal sealed class OverloadDispatch
{
    private readonly CelOverload[] _overloads;
    private Entry? _last;

    public OverloadDispatch(CelOverload[] overloads)
    {
        _overloads = overloads;
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
                if (a.Type.Kind != CelTypeKind.Opaque)
                {
                    _last = new Entry(ta, null, o);
                }

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
                if (a.Type.Kind != CelTypeKind.Opaque && b.Type.Kind != CelTypeKind.Opaque)
                {
                    _last = new Entry(ta, tb, o);
                }

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

    private sealed record Entry(Type A, Type? B, CelOverload Overload);
}
