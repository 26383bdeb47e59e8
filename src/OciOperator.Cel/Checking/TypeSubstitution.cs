using OciOperator.Cel.Values;

namespace OciOperator.Cel.Checking;

/// <summary>Type-parameter bindings with cel-go's assignability and generality rules.</summary>
internal sealed class TypeSubstitution
{
    private Dictionary<string, CelType> _map = new(StringComparer.Ordinal);

    public TypeSubstitution Copy() => new() { _map = new Dictionary<string, CelType>(_map, StringComparer.Ordinal) };

    public void CommitFrom(TypeSubstitution other) => _map = other._map;

    public CelType Apply(CelType t, bool dynForFree = false)
    {
        if (t.Kind == CelTypeKind.TypeParam)
        {
            if (_map.TryGetValue(t.Name, out var bound))
            {
                return Apply(bound, dynForFree);
            }

            return dynForFree ? CelType.Dyn : t;
        }

        if (t.Parameters.Length == 0)
        {
            return t;
        }

        return t.WithParameters([.. t.Parameters.Select(p => Apply(p, dynForFree))]);
    }

    /// <summary>Whether a value of <paramref name="source"/> may be used where <paramref name="target"/> is expected (binding type parameters).</summary>
    public bool IsAssignable(CelType target, CelType source)
    {
        target = Apply(target);
        source = Apply(source);
        if (target.Kind == CelTypeKind.TypeParam)
        {
            return Bind(target, source);
        }

        if (source.Kind == CelTypeKind.TypeParam)
        {
            return Bind(source, target);
        }

        if (target.IsDynOrError || source.IsDynOrError)
        {
            return true;
        }

        if (target.Kind == CelTypeKind.Type && source.Kind == CelTypeKind.Type)
        {
            // Type values compare by runtime name; their parameters do not constrain assignability.
            return true;
        }

        if (source.Kind == CelTypeKind.Null)
        {
            return target.Kind is CelTypeKind.Null or CelTypeKind.Optional or CelTypeKind.Message or CelTypeKind.Wrapper
                or CelTypeKind.Timestamp or CelTypeKind.Duration or CelTypeKind.Opaque;
        }

        if (target.Kind == CelTypeKind.Wrapper && source.Kind == target.Elem.Kind)
        {
            return true;
        }

        if (target.Kind != source.Kind || target.Name != source.Name || target.Parameters.Length != source.Parameters.Length)
        {
            return false;
        }

        for (var i = 0; i < target.Parameters.Length; i++)
        {
            if (!IsAssignable(target.Parameters[i], source.Parameters[i]))
            {
                return false;
            }
        }

        return true;
    }

    private bool Bind(CelType param, CelType other)
    {
        if (other.Kind == CelTypeKind.TypeParam && other.Name == param.Name)
        {
            return true;
        }

        if (Occurs(param.Name, other))
        {
            return false;
        }

        _map[param.Name] = other;
        return true;
    }

    private bool Occurs(string name, CelType t)
    {
        t = Apply(t);
        return t.Kind == CelTypeKind.TypeParam ? t.Name == name : t.Parameters.Any(p => Occurs(name, p));
    }

    /// <summary>cel-go isEqualOrLessSpecific: dyn and type parameters are less specific than anything.</summary>
    public static bool IsEqualOrLessSpecific(CelType a, CelType b)
    {
        if (a.Kind is CelTypeKind.Dyn or CelTypeKind.TypeParam)
        {
            return true;
        }

        if (b.Kind is CelTypeKind.Dyn or CelTypeKind.TypeParam)
        {
            return false;
        }

        if (a.Kind != b.Kind || a.Name != b.Name || a.Parameters.Length != b.Parameters.Length)
        {
            return false;
        }

        for (var i = 0; i < a.Parameters.Length; i++)
        {
            if (!IsEqualOrLessSpecific(a.Parameters[i], b.Parameters[i]))
            {
                return false;
            }
        }

        return true;
    }

    public static CelType MostGeneral(CelType a, CelType b)
    {
        if (b.Kind == CelTypeKind.Null && a.Kind != CelTypeKind.Null)
        {
            return a;
        }

        if (a.Kind == CelTypeKind.Null && b.Kind != CelTypeKind.Null)
        {
            return b;
        }

        return IsEqualOrLessSpecific(a, b) ? a : b;
    }
}
