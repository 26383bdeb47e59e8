using System.Collections;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using k8s.Models;

namespace OciOperator.Schemas.Crd;

/// <summary>
/// Builds an OpenAPI v3 structural schema (as used by <c>apiextensions.k8s.io/v1</c> CRDs) from a C# type by reflection,
/// the way controller-gen does from Go types:
/// <list type="bullet">
/// <item>property names come from <see cref="JsonPropertyNameAttribute"/> (else camelCase of the C# name);</item>
/// <item><see cref="RequiredAttribute"/> puts a property in its object's <c>required</c> list; every other property must
/// be nullable (so an unset field is omitted on the wire), otherwise generation fails;</item>
/// <item>descriptions come from <see cref="DescriptionAttribute"/> on the property, else on its type;</item>
/// <item>validation markers: <see cref="AllowedValuesAttribute"/> (enum), <see cref="RangeAttribute"/> (minimum/maximum),
/// <see cref="MinLengthAttribute"/>/<see cref="MaxLengthAttribute"/>/<see cref="StringLengthAttribute"/> (length of a
/// string, item count of a list), <see cref="RegularExpressionAttribute"/> (pattern);</item>
/// <item>C# enums become string enums (their <see cref="JsonStringEnumMemberNameAttribute"/> names or member names);</item>
/// <item>dictionaries keyed by string become <c>additionalProperties</c> maps; <see cref="JsonElement"/>,
/// <see cref="JsonNode"/>, <see cref="object"/> and <see cref="CrdPreserveUnknownFieldsAttribute"/> properties are free-form
/// (<c>x-kubernetes-preserve-unknown-fields</c>); <see cref="IntOrString"/> and <see cref="CrdIntOrStringAttribute"/> give
/// <c>x-kubernetes-int-or-string</c>;</item>
/// <item><see cref="CrdListTypeAttribute"/> (list topology), <see cref="CrdItemMaxLengthAttribute"/> (length of each string
/// item), <see cref="DefaultValueAttribute"/> (<c>default</c>);</item>
/// <item><see cref="CrdValidationAttribute"/> on a class or property gives CEL rules (<c>x-kubernetes-validations</c>).</item>
/// </list>
/// Recursive types are rejected (a structural schema cannot refer to itself). Object properties are written in ordinal
/// order of their JSON names, so the output is deterministic.
/// </summary>
public static partial class OpenApiSchemaGenerator
{
    /// <summary>The schema of an object type (a class or record with public properties).</summary>
    /// <exception cref="CrdSchemaException">The type (or a type it contains) cannot be expressed as a structural schema.</exception>
    public static V1JSONSchemaProps ForObject(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var context = new NullabilityInfoContext();
        return ObjectSchema(type, context, new Stack<Type>());
    }

    /// <summary>The JSON name of a property: its <see cref="JsonPropertyNameAttribute"/>, else the camelCase C# name.</summary>
    public static string JsonName(PropertyInfo property)
    {
        ArgumentNullException.ThrowIfNull(property);
        return property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);
    }

    /// <summary>
    /// The public instance properties of a type that take part in JSON (not <see cref="JsonIgnoreAttribute"/>d).
    /// </summary>
    public static IEnumerable<PropertyInfo> SerializedProperties(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetMethod is not null && p.GetIndexParameters().Length == 0)
            .Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is not { Condition: JsonIgnoreCondition.Always });
    }

    private static V1JSONSchemaProps ObjectSchema(Type type, NullabilityInfoContext context, Stack<Type> path)
    {
        if (path.Contains(type))
        {
            throw new CrdSchemaException(
                $"{type.Name} refers to itself ({string.Join(" -> ", path.Reverse().Select(t => t.Name))} -> {type.Name}); a structural schema cannot be recursive.");
        }

        path.Push(type);
        var properties = new SortedDictionary<string, V1JSONSchemaProps>(StringComparer.Ordinal);
        var required = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var property in SerializedProperties(type))
        {
            var name = JsonName(property);
            var nullability = context.Create(property);
            var isRequired = property.GetCustomAttribute<RequiredAttribute>() is not null;
            if (!isRequired && !IsNullable(property, nullability))
            {
                throw new CrdSchemaException(
                    $"{type.Name}.{property.Name}: an optional property must be nullable so that an unset value is omitted; make it nullable or mark it [Required].");
            }

            if (!properties.TryAdd(name, PropertySchema(property, nullability, context, path)))
            {
                throw new CrdSchemaException($"{type.Name}: more than one property has the JSON name '{name}'.");
            }

            if (isRequired)
            {
                required.Add(name);
            }
        }

        path.Pop();
        var schema = new V1JSONSchemaProps
        {
            Type = "object",
            Description = type.GetCustomAttribute<DescriptionAttribute>()?.Description,
            Properties = properties.Count == 0 ? null : new Dictionary<string, V1JSONSchemaProps>(properties, StringComparer.Ordinal),
            Required = required.Count == 0 ? null : required.ToList(),
        };
        ApplyRules(type, schema);
        return schema;
    }

    private static V1JSONSchemaProps PropertySchema(PropertyInfo property, NullabilityInfo nullability, NullabilityInfoContext context, Stack<Type> path)
    {
        V1JSONSchemaProps schema;
        try
        {
            schema = property.GetCustomAttribute<CrdIntOrStringAttribute>() is not null
                ? IntOrStringSchema()
                : TypeSchema(property.PropertyType, nullability, context, path);
        }
        catch (CrdSchemaException ex)
        {
            // Prefix the property, so a nested problem reads as a path: "DbSystemSpec.Rest: DbSystemRest.Port: ...".
            throw new CrdSchemaException($"{property.DeclaringType?.Name}.{property.Name}: {ex.Message}", ex);
        }

        if (property.GetCustomAttribute<CrdFormatAttribute>() is { } format)
        {
            schema.Format = format.Format;
        }

        if (property.GetCustomAttribute<CrdPreserveUnknownFieldsAttribute>() is not null)
        {
            schema.XKubernetesPreserveUnknownFields = true;
        }

        var description = property.GetCustomAttribute<DescriptionAttribute>()?.Description;
        if (description is not null)
        {
            schema.Description = description;
        }

        ApplyValidation(property, schema);
        ApplyRules(property, schema);
        return schema;
    }

    private static V1JSONSchemaProps TypeSchema(Type type, NullabilityInfo? nullability, NullabilityInfoContext context, Stack<Type> path)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (ScalarSchema(underlying) is { } scalar)
        {
            return scalar;
        }

        if (underlying == typeof(IntOrString))
        {
            return IntOrStringSchema();
        }

        if (underlying == typeof(JsonElement) || underlying == typeof(object) || typeof(JsonNode).IsAssignableFrom(underlying))
        {
            return new V1JSONSchemaProps { XKubernetesPreserveUnknownFields = true };
        }

        if (underlying.IsEnum)
        {
            return EnumSchema(underlying);
        }

        if (DictionaryValueType(underlying) is { } valueType)
        {
            var valueNullability = nullability?.GenericTypeArguments.Length == 2 ? nullability.GenericTypeArguments[1] : null;
            return new V1JSONSchemaProps { Type = "object", AdditionalProperties = TypeSchema(valueType, valueNullability, context, path) };
        }

        if (EnumerableItemType(underlying) is { } itemType)
        {
            var itemNullability = nullability?.ElementType ?? (nullability?.GenericTypeArguments.Length == 1 ? nullability.GenericTypeArguments[0] : null);
            return new V1JSONSchemaProps { Type = "array", Items = TypeSchema(itemType, itemNullability, context, path) };
        }

        if (underlying.IsClass || (underlying.IsValueType && !underlying.IsPrimitive))
        {
            return ObjectSchema(underlying, context, path);
        }

        throw new CrdSchemaException($"the type {underlying.Name} has no OpenAPI mapping.");
    }

    private static V1JSONSchemaProps? ScalarSchema(Type type) => type switch
    {
        _ when type == typeof(string) => new V1JSONSchemaProps { Type = "string" },
        _ when type == typeof(bool) => new V1JSONSchemaProps { Type = "boolean" },
        _ when type == typeof(int) || type == typeof(short) || type == typeof(byte) || type == typeof(ushort) =>
            new V1JSONSchemaProps { Type = "integer", Format = "int32" },
        _ when type == typeof(long) || type == typeof(uint) => new V1JSONSchemaProps { Type = "integer", Format = "int64" },
        _ when type == typeof(double) || type == typeof(decimal) => new V1JSONSchemaProps { Type = "number", Format = "double" },
        _ when type == typeof(float) => new V1JSONSchemaProps { Type = "number", Format = "float" },
        _ when type == typeof(DateTime) || type == typeof(DateTimeOffset) => new V1JSONSchemaProps { Type = "string", Format = "date-time" },
        _ when type == typeof(DateOnly) => new V1JSONSchemaProps { Type = "string", Format = "date" },
        _ when type == typeof(byte[]) => new V1JSONSchemaProps { Type = "string", Format = "byte" },
        _ when type == typeof(Guid) => new V1JSONSchemaProps { Type = "string", Format = "uuid" },
        _ when type == typeof(TimeSpan) => new V1JSONSchemaProps { Type = "string", Format = "duration" },
        _ => null,
    };

    private static V1JSONSchemaProps IntOrStringSchema() =>
        new() { XKubernetesIntOrString = true, AnyOf = [new V1JSONSchemaProps { Type = "integer" }, new V1JSONSchemaProps { Type = "string" }] };

    private static V1JSONSchemaProps EnumSchema(Type enumType)
    {
        var values = enumType.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (object)(f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? f.Name))
            .ToList();
        return new V1JSONSchemaProps { Type = "string", EnumProperty = values };
    }

    private static Type? DictionaryValueType(Type type)
    {
        foreach (var candidate in type.GetInterfaces().Prepend(type))
        {
            if (candidate.IsGenericType
                && (candidate.GetGenericTypeDefinition() == typeof(IDictionary<,>) || candidate.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>)))
            {
                var arguments = candidate.GetGenericArguments();
                if (arguments[0] != typeof(string))
                {
                    throw new CrdSchemaException($"the dictionary {type.Name} must be keyed by string.");
                }

                return arguments[1];
            }
        }

        return null;
    }

    private static Type? EnumerableItemType(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        if (!typeof(IEnumerable).IsAssignableFrom(type))
        {
            return null;
        }

        return type.GetInterfaces().Prepend(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            ?.GetGenericArguments()[0]
            ?? throw new CrdSchemaException($"the collection {type.Name} must be a generic IEnumerable<T>.");
    }

    private static bool IsNullable(PropertyInfo property, NullabilityInfo nullability) =>
        property.PropertyType.IsValueType
            ? Nullable.GetUnderlyingType(property.PropertyType) is not null
            : nullability.ReadState != NullabilityState.NotNull;
}
