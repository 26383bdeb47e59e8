using System.Collections;
using k8s.Models;

namespace OciOperator.Schemas.Tests.BuiltIn;

/// <summary>
/// Builds an instance of a KubernetesClient model with every property set (one item per list, one entry per map), so its
/// JSON from the client's own serializer exercises every field of the schema. A type already being filled is left null
/// the second time (JSONSchemaProps contains itself).
/// </summary>
internal static class ModelPopulator
{
    /// <summary>The key of the one entry of every map (and of free-form objects); no model field has this name.</summary>
    public const string MapKey = "~entry~";

    public static object Populate(Type type) => Value(type, new Stack<Type>())!;

    private static object? Value(Type type, Stack<Type> path)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying switch
        {
            _ when underlying == typeof(string) => "text",
            _ when underlying == typeof(bool) => true,
            _ when underlying == typeof(int) => 7,
            _ when underlying == typeof(long) => 9_000_000_000L,
            _ when underlying == typeof(double) => 1.5,
            _ when underlying == typeof(DateTime) => new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc),
            _ when underlying == typeof(byte[]) => new byte[] { 1, 2, 3 },
            _ when underlying == typeof(IntOrString) => (IntOrString)"http",
            _ when underlying == typeof(ResourceQuantity) => new ResourceQuantity("1Gi"),
            _ when underlying == typeof(object) => new Dictionary<string, object> { [MapKey] = 1 },
            _ when Generic(underlying, typeof(IDictionary<,>)) is { } args => Map(args[1], path),
            _ when Generic(underlying, typeof(IList<>)) is { } args => List(args[0], path),
            _ when underlying.IsClass => Model(underlying, path),
            _ => throw new NotSupportedException(underlying.FullName),
        };
    }

    private static object? Model(Type type, Stack<Type> path)
    {
        if (path.Contains(type))
        {
            return null;
        }

        path.Push(type);
        var instance = Activator.CreateInstance(type)!;
        foreach (var property in type.GetProperties().Where(p => p.CanWrite && p.GetIndexParameters().Length == 0))
        {
            property.SetValue(instance, Value(property.PropertyType, path));
        }

        path.Pop();
        return instance;
    }

    private static IDictionary Map(Type valueType, Stack<Type> path)
    {
        var map = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(typeof(string), valueType))!;
        if (Value(valueType, path) is { } value)
        {
            map[MapKey] = value;
        }

        return map;
    }

    private static IList List(Type itemType, Stack<Type> path)
    {
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(itemType))!;
        if (Value(itemType, path) is { } value)
        {
            list.Add(value);
        }

        return list;
    }

    private static Type[]? Generic(Type type, Type definition) =>
        type.GetInterfaces().Prepend(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == definition)?.GetGenericArguments();
}
