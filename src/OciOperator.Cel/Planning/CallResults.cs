using OciOperator.Cel.Library;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Planning;

/// <summary>What every call node does around an overload's implementation: contain library failures, enforce size limits.</summary>
internal static class CallResults
{
    /// <summary>Whether a library exception becomes an error value (anything else is a bug and propagates).</summary>
    public static bool IsLibraryFailure(Exception e) =>
        e is InvalidCastException or ArgumentException or IndexOutOfRangeException or OverflowException
            or FormatException or NotSupportedException or InvalidOperationException or System.Text.RegularExpressions.RegexMatchTimeoutException;

    public static ErrorValue Failure(string function, Exception e, int position) => new($"{function}: {e.Message}", position);

    /// <summary>Whether an overload's results may need <see cref="Check"/>'s size checks (lists, strings, bytes, or unknown).</summary>
    public static bool MayBuildCollections(IEnumerable<CelOverload> overloads) =>
        overloads.Any(o => o.Result.Kind is not (CelTypeKind.Bool or CelTypeKind.Int or CelTypeKind.Uint or CelTypeKind.Double
            or CelTypeKind.Null or CelTypeKind.Timestamp or CelTypeKind.Duration or CelTypeKind.Type or CelTypeKind.Optional));

    /// <summary>Checks a call's result against the collection limits and charges for built collections.</summary>
    public static CelValue Check(CelValue result, EvalContext ctx, int position)
    {
        switch (result)
        {
            case ErrorValue { Offset: < 0 } e:
                return e.At(position);
            case ListValue { Count: var n } when n > 16 || n > ctx.MaxCollectionSize:
                if (n > ctx.MaxCollectionSize)
                {
                    return new ErrorValue($"collection size {n} exceeds limit {ctx.MaxCollectionSize}", position);
                }

                // Building a collection costs in proportion to its size.
                return n > 16 && ctx.Charge(n / 16) is { } listBudget ? listBudget.At(position) : result;
            case StringValue s when s.Value.Length > ctx.MaxCollectionSize * 16L:
            case BytesValue b when b.Value.Length > ctx.MaxCollectionSize * 16L:
                return new ErrorValue("string or bytes size exceeds limit", position);
            default:
                return result;
        }
    }

    public static CelValue Invoke(CelOverload o, CelValue[] values, string function, EvalContext ctx, int position)
    {
        CelValue result;
        try
        {
            result = o.Implementation!(values);
        }
        catch (Exception e) when (IsLibraryFailure(e))
        {
            // A library function must not crash the host: the failure becomes an error value.
            return Failure(function, e, position);
        }

        return Check(result, ctx, position);
    }
}
