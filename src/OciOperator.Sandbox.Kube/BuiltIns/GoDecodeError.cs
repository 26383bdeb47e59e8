using System.Reflection;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using OciOperator.Schemas.BuiltIn;

namespace OciOperator.Sandbox.Kube.BuiltIns;

/// <summary>
/// The text Go's <c>encoding/json</c> gives when a built-in object's field has the wrong JSON type, which the
/// apiserver returns as a 400 decode error before any validation:
/// <c>json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32</c>. The Go
/// names come from the KubernetesClient model the schema was derived from (<c>V1DeploymentSpec</c> → <c>DeploymentSpec</c>,
/// package <c>v1</c>).
/// </summary>
internal static partial class GoDecodeError
{
    /// <param name="model">The kind's model type (<see cref="BuiltInSchema.ModelType"/>).</param>
    /// <param name="path">The field path of the bad value (<c>spec.template.spec.containers[0].name</c>).</param>
    /// <param name="jsonType">The JSON type the schema validator saw (<c>string</c>, <c>integer</c>, <c>number</c>, <c>boolean</c>, <c>object</c>, <c>array</c>).</param>
    public static string Message(Type model, string path, string jsonType)
    {
        var fields = new List<string>();
        Type current = model;
        Type structType = model;
        foreach (var segment in FieldNames(path))
        {
            var property = Property(Element(current), segment);
            if (property is null)
            {
                // A map entry: Go names the map field and the entry's type.
                current = MapValue(current) ?? current;
                break;
            }

            structType = Element(current);
            fields.Add(segment);
            current = property.PropertyType;
        }

        return $"json: cannot unmarshal {GoJsonType(jsonType)} into Go struct field {GoName(structType)}.{string.Join('.', fields)} of type {GoTypeName(current)}";
    }

    private static IEnumerable<string> FieldNames(string path) =>
        IndexOrKey().Replace(path, "").Split('.', StringSplitOptions.RemoveEmptyEntries);

    private static PropertyInfo? Property(Type type, string jsonName) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .FirstOrDefault(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name == jsonName);

    /// <summary>Lists and maps stand for their elements: a path walks through them without a name of its own.</summary>
    private static Type Element(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(string))
        {
            return underlying;
        }

        foreach (var candidate in underlying.GetInterfaces().Prepend(underlying))
        {
            if (candidate.IsGenericType && candidate.GetGenericTypeDefinition() == typeof(IDictionary<,>))
            {
                return Element(candidate.GetGenericArguments()[1]);
            }

            if (candidate.IsGenericType && candidate.GetGenericTypeDefinition() == typeof(IList<>))
            {
                return Element(candidate.GetGenericArguments()[0]);
            }
        }

        return underlying;
    }

    private static Type? MapValue(Type type)
    {
        foreach (var candidate in type.GetInterfaces().Prepend(type))
        {
            if (candidate.IsGenericType && candidate.GetGenericTypeDefinition() == typeof(IDictionary<,>))
            {
                return candidate.GetGenericArguments()[1];
            }
        }

        return null;
    }

    private static string GoJsonType(string jsonType) => jsonType switch
    {
        "integer" or "number" => "number",
        "boolean" => "bool",
        _ => jsonType,
    };

    private static string GoTypeName(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(string))
        {
            return "string";
        }

        foreach (var candidate in underlying.GetInterfaces().Prepend(underlying))
        {
            if (candidate.IsGenericType && candidate.GetGenericTypeDefinition() == typeof(IDictionary<,>))
            {
                return "map[string]" + GoTypeName(candidate.GetGenericArguments()[1]);
            }

            if (candidate.IsGenericType && candidate.GetGenericTypeDefinition() == typeof(IList<>))
            {
                return "[]" + GoTypeName(candidate.GetGenericArguments()[0]);
            }
        }

        return underlying switch
        {
            _ when underlying == typeof(int) => "int32",
            _ when underlying == typeof(long) => "int64",
            _ when underlying == typeof(bool) => "bool",
            _ when underlying == typeof(double) => "float64",
            _ when underlying == typeof(DateTime) => "v1.Time",
            _ when underlying == typeof(byte[]) => "[]uint8",
            _ when underlying.Name == "IntOrString" => "intstr.IntOrString",
            _ when underlying.Name == "ResourceQuantity" => "resource.Quantity",
            _ => Package(underlying) + "." + GoName(underlying),
        };
    }

    private static string GoName(Type type) => VersionPrefix().Replace(type.Name, "");

    private static string Package(Type type)
    {
        var match = VersionPrefix().Match(type.Name);
        return match.Success ? match.Value.ToLowerInvariant() : "v1";
    }

    [GeneratedRegex(@"^V\d+((alpha|beta)\d+)?")]
    private static partial Regex VersionPrefix();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex IndexOrKey();
}
