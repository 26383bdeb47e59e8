using OciOperator.Cel.Library;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Planning;

/// <summary>Binding calls to the overload the checker resolved.</summary>
internal sealed partial class Planner
{
    /// <summary>
    /// The overload a call is bound to at plan time: the checker resolved exactly one (no argument was <c>dyn</c> in a
    /// way that leaves several), and run-time dispatch, which takes the first overload in <paramref name="overloads"/>
    /// whose parameters match the values, would take it whenever its parameters match: every overload before it is
    /// disjoint from it (a parameter of a different concrete type). The call node still tests the values against the
    /// bound parameters (a <c>dyn</c> value may not fit) and dispatches when they do not, so that errors stay run-time
    /// dispatch's (no such overload). Null: dispatch at run time.
    /// </summary>
    private CelOverload? BoundOverload(long callId, CelOverload[] overloads)
    {
        if (!_fastLoops || _overloadIds is null || !_overloadIds.TryGetValue(callId, out var ids) || ids.Length != 1)
        {
            return null;
        }

        var index = Array.FindIndex(overloads, o => o.Id == ids[0]);
        if (index < 0)
        {
            return null;
        }

        var bound = overloads[index];
        for (var i = 0; i < index; i++)
        {
            if (!Disjoint(overloads[i], bound))
            {
                return null;
            }
        }

        return bound;
    }

    /// <summary>Whether no argument values can match both overloads.</summary>
    private static bool Disjoint(CelOverload a, CelOverload b)
    {
        for (var i = 0; i < a.Parameters.Length; i++)
        {
            var (p, q) = (a.Parameters[i], b.Parameters[i]);
            if (p.Kind is not (CelTypeKind.Dyn or CelTypeKind.TypeParam) && q.Kind is not (CelTypeKind.Dyn or CelTypeKind.TypeParam)
                && (p.Kind != q.Kind || (p.Kind == CelTypeKind.Opaque && p.Name != q.Name)))
            {
                return true;
            }
        }

        return false;
    }
}
