using System.Collections.Immutable;
using System.Text;

namespace OciOperator.Cel.Values;

/// <summary>A CEL type: used by the checker (parameterised) and at run time (by name).</summary>
public sealed class CelType : IEquatable<CelType>
{
    public static readonly CelType Dyn = new(CelTypeKind.Dyn, "dyn");
    public static readonly CelType Null = new(CelTypeKind.Null, "null_type");
    public static readonly CelType Bool = new(CelTypeKind.Bool, "bool");
    public static readonly CelType Int = new(CelTypeKind.Int, "int");
    public static readonly CelType Uint = new(CelTypeKind.Uint, "uint");
    public static readonly CelType Double = new(CelTypeKind.Double, "double");
    public static readonly CelType String = new(CelTypeKind.String, "string");
    public static readonly CelType Bytes = new(CelTypeKind.Bytes, "bytes");
    public static readonly CelType Timestamp = new(CelTypeKind.Timestamp, "google.protobuf.Timestamp");
    public static readonly CelType Duration = new(CelTypeKind.Duration, "google.protobuf.Duration");
    public static readonly CelType Error = new(CelTypeKind.Error, "*error*");
    public static readonly CelType ListOfDyn = List(Dyn);
    public static readonly CelType MapOfDyn = Map(Dyn, Dyn);
    public static readonly CelType TypeOfDyn = TypeOf(Dyn);
    public static readonly CelType OptionalOfDyn = Optional(Dyn);

    private CelType(CelTypeKind kind, string name, ImmutableArray<CelType> parameters = default)
    {
        Kind = kind;
        Name = name;
        Parameters = parameters.IsDefault ? ImmutableArray<CelType>.Empty : parameters;
    }

    public CelTypeKind Kind { get; }

    /// <summary>For object types derived from schemas: the declared fields (null for other types).</summary>
    public IReadOnlyDictionary<string, CelType>? Fields { get; private init; }

    /// <summary>
    /// A size hint from a schema (maxItems, maxProperties, maxLength): the most elements, entries or characters a value
    /// of this type has. Used only by the cost estimator; not part of the type's identity.
    /// </summary>
    public long? MaxSize { get; private init; }

    /// <summary>The runtime type name (e.g. "list", "int", "google.protobuf.Timestamp").</summary>
    public string Name { get; }

    public ImmutableArray<CelType> Parameters { get; }

    public static CelType List(CelType elem) => new(CelTypeKind.List, "list", [elem]);

    public static CelType Map(CelType key, CelType value) => new(CelTypeKind.Map, "map", [key, value]);

    public static CelType TypeOf(CelType t) => new(CelTypeKind.Type, "type", [t]);

    public static CelType Optional(CelType t) => new(CelTypeKind.Optional, "optional_type", [t]);

    public static CelType Param(string name) => new(CelTypeKind.TypeParam, name);

    public static CelType Opaque(string name, params CelType[] parameters) => new(CelTypeKind.Opaque, name, [.. parameters]);

    public static CelType Message(string name) => new(CelTypeKind.Message, name);

    /// <summary>A structured object type with known fields (from an OpenAPI schema); values are maps at run time.</summary>
    public static CelType Object(string name, IReadOnlyDictionary<string, CelType> fields) => new(CelTypeKind.Message, name) { Fields = fields };

    public static CelType Wrapper(CelType primitive) => new(CelTypeKind.Wrapper, "wrapper", [primitive]);

    /// <summary>Rebuilds this type with different parameters.</summary>
    public CelType WithParameters(ImmutableArray<CelType> parameters) => new(Kind, Name, parameters) { Fields = Fields, MaxSize = MaxSize };

    /// <summary>This type with a size hint (see <see cref="MaxSize"/>).</summary>
    public CelType WithMaxSize(long maxSize) => new(Kind, Name, Parameters) { Fields = Fields, MaxSize = maxSize };

    public CelType Elem => Parameters.Length > 0 ? Parameters[0] : Dyn;

    public CelType Key => Parameters.Length > 0 ? Parameters[0] : Dyn;

    public CelType Value => Parameters.Length > 1 ? Parameters[1] : Dyn;

    public bool IsDynOrError => Kind is CelTypeKind.Dyn or CelTypeKind.Error;

    public bool Equals(CelType? other)
    {
        if (other is null || other.Kind != Kind || other.Name != Name || other.Parameters.Length != Parameters.Length)
        {
            return false;
        }

        for (var i = 0; i < Parameters.Length; i++)
        {
            if (!Parameters[i].Equals(other.Parameters[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as CelType);

    public override int GetHashCode() => HashCode.Combine(Kind, Name, Parameters.Length);

    public override string ToString()
    {
        switch (Kind)
        {
            case CelTypeKind.List:
            case CelTypeKind.Map:
            case CelTypeKind.Type:
            case CelTypeKind.Optional:
            case CelTypeKind.Opaque:
            case CelTypeKind.Wrapper:
                if (Parameters.Length == 0)
                {
                    return Name;
                }

                var sb = new StringBuilder(Name).Append('(');
                for (var i = 0; i < Parameters.Length; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(", ");
                    }

                    sb.Append(Parameters[i]);
                }

                return sb.Append(')').ToString();
            default:
                return Name;
        }
    }
}
