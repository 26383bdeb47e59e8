using System.Collections.Immutable;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Library;

/// <summary>
/// One overload of a CEL function: its signature (used by the checker and for run-time dispatch) and,
/// when it can be evaluated, its implementation. Member overloads take the receiver as the first parameter.
/// </summary>
public sealed record CelOverload(
    string Id,
    string Function,
    bool IsMember,
    ImmutableArray<CelType> Parameters,
    CelType Result,
    Func<CelValue[], CelValue>? Implementation,
    bool NonStrict = false)
{
    /// <summary>The implementation for one argument without an argument array (set by the registry's unary helpers).</summary>
    internal Func<CelValue, CelValue>? Unary { get; init; }

    /// <summary>The implementation for two arguments without an argument array (set by the registry's binary helpers).</summary>
    internal Func<CelValue, CelValue, CelValue>? Binary { get; init; }

    /// <summary>Whether the argument values (already evaluated, none an error) can be passed to this overload.</summary>
    public bool Accepts(CelValue[] args)
    {
        if (args.Length != Parameters.Length)
        {
            return false;
        }

        for (var i = 0; i < args.Length; i++)
        {
            if (!Matches(Parameters[i], args[i]))
            {
                return false;
            }
        }

        return true;
    }

    internal static bool Matches(CelType t, CelValue v) => t.Kind switch
    {
        CelTypeKind.Dyn or CelTypeKind.TypeParam => true,
        CelTypeKind.Null => v is NullValue,
        CelTypeKind.Bool => v is BoolValue,
        CelTypeKind.Int => v is IntValue,
        CelTypeKind.Uint => v is UintValue,
        CelTypeKind.Double => v is DoubleValue,
        CelTypeKind.String => v is StringValue,
        CelTypeKind.Bytes => v is BytesValue,
        CelTypeKind.List => v is ListValue,
        CelTypeKind.Map => v is MapValue,
        CelTypeKind.Timestamp => v is TimestampValue,
        CelTypeKind.Duration => v is DurationValue,
        CelTypeKind.Type => v is TypeValue,
        CelTypeKind.Optional => v is OptionalValue,
        CelTypeKind.Opaque => v.Type.Kind == CelTypeKind.Opaque && v.Type.Name == t.Name,
        _ => false,
    };
}
