using OciOperator.Cel.Values;

namespace OciOperator.ResourceGraph.Checking;

/// <summary>
/// Whether an expression's output type may be written to a field of the expected type (kro <c>pkg/cel/compatibility.go</c>):
/// <c>dyn</c> on either side is compatible; lists element-wise; maps key and value; a struct output may omit fields of
/// the expected struct but not add unknown ones; maps and structs convert when keys are strings and values fit.
/// Returns null when compatible, else kro's reason text. Differences from kro: an <c>int</c> fits a <c>number</c> field
/// and a <c>string</c> fits a string field with a format (date-time, duration, byte), as the API server accepts both.
/// </summary>
internal static class TypeCompatibility
{
    private const int MaxDepth = 64;

    public static string? Check(CelType expected, CelType output) => Check(expected, output, 0);

    private static string? Check(CelType expected, CelType output, int depth)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        if (output.Kind == CelTypeKind.Optional)
        {
            output = output.Elem;
        }

        if (expected.IsDynOrError || output.IsDynOrError || output.Kind is CelTypeKind.Null or CelTypeKind.TypeParam)
        {
            return null;
        }

        switch (expected.Kind)
        {
            case CelTypeKind.List:
                return output.Kind == CelTypeKind.List
                    ? Check(expected.Elem, output.Elem, depth + 1) is { } reason ? $"list element type incompatible: {reason}" : null
                    : KindMismatch(expected, output);
            case CelTypeKind.Map:
                return MapTarget(expected, output, depth);
            case CelTypeKind.Message when expected.Fields is not null:
                return StructTarget(expected, output, depth);
            case CelTypeKind.Double when output.Kind is CelTypeKind.Int or CelTypeKind.Uint:
                return null;
            case CelTypeKind.Int when output.Kind == CelTypeKind.Uint:
                return null;
            case CelTypeKind.Timestamp or CelTypeKind.Duration or CelTypeKind.Bytes when output.Kind == CelTypeKind.String:
                return null;
            case CelTypeKind.String when output.Kind is CelTypeKind.Timestamp or CelTypeKind.Duration:
                return null;
            default:
                return expected.Kind == output.Kind && expected.Name == output.Name ? null : KindMismatch(expected, output);
        }
    }

    private static string? MapTarget(CelType expected, CelType output, int depth)
    {
        if (output.Kind == CelTypeKind.Map)
        {
            if (Check(expected.Key, output.Key, depth + 1) is { } keyReason)
            {
                return $"map key type incompatible: {keyReason}";
            }

            return Check(expected.Value, output.Value, depth + 1) is { } valueReason ? $"map value type incompatible: {valueReason}" : null;
        }

        if (output.Kind == CelTypeKind.Message && output.Fields is not null)
        {
            foreach (var (name, type) in output.Fields)
            {
                if (Check(expected.Value, type, depth + 1) is { } reason)
                {
                    return $"struct field \"{name}\" incompatible with map value type: {reason}";
                }
            }

            return null;
        }

        return KindMismatch(expected, output);
    }

    private static string? StructTarget(CelType expected, CelType output, int depth)
    {
        var fields = expected.Fields!;
        if (output.Kind == CelTypeKind.Message && output.Fields is not null)
        {
            foreach (var (name, type) in output.Fields)
            {
                if (!fields.TryGetValue(name, out var target))
                {
                    return $"field \"{name}\" exists in output but not in expected type";
                }

                if (Check(target, type, depth + 1) is { } reason)
                {
                    return $"field \"{name}\" has incompatible type: {reason}";
                }
            }

            return null;
        }

        if (output.Kind == CelTypeKind.Map)
        {
            if (output.Key.Kind is not (CelTypeKind.String or CelTypeKind.Dyn))
            {
                return "map keys must be strings to assign to struct";
            }

            if (output.Value.IsDynOrError)
            {
                return null;
            }

            foreach (var (name, type) in fields)
            {
                if (Check(type, output.Value, depth + 1) is { } reason)
                {
                    return $"map value incompatible with struct field \"{name}\": {reason}";
                }
            }

            return null;
        }

        return KindMismatch(expected, output);
    }

    private static string KindMismatch(CelType expected, CelType output) => $"type kind mismatch: got {output}, expected {expected}";
}
