using System.Reflection;
using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;
using k8s.Models;
using OciOperator.Schemas.Crd;

namespace OciOperator.Schemas.BuiltIn;

/// <summary>
/// Derives the OpenAPI v3 schema of a KubernetesClient model type by reflection, inlining every nested model (no
/// <c>$ref</c>), with the descriptions of <see cref="ModelDocumentation"/>. The mapping follows how the client's
/// generator wrote the models from the Kubernetes OpenAPI document:
/// <list type="bullet">
/// <item>names from <c>[JsonPropertyName]</c>; properties in ordinal order of their names;</item>
/// <item><c>int</c> → integer/int32, <c>long</c> → integer/int64, <c>double</c> → number/double, <c>bool</c> → boolean,
/// <c>string</c> → string, <c>DateTime</c> → string/date-time, <c>byte[]</c> → string/byte;</item>
/// <item><see cref="IntOrString"/> and <see cref="ResourceQuantity"/> → <c>x-kubernetes-int-or-string</c> (as controller-gen
/// writes quantities; the API server also takes a quantity as a JSON number such as <c>0.5</c>, which int-or-string does
/// not, so a validator should accept any number where a quantity is);
/// <c>object</c> (free-form JSON such as <c>FieldsV1</c>) → <c>x-kubernetes-preserve-unknown-fields</c>;</item>
/// <item><c>IDictionary&lt;string,T&gt;</c> → object with <c>additionalProperties</c>, <c>IList&lt;T&gt;</c> → array;</item>
/// <item><b>required</b>: the generator writes a field the OpenAPI document lists as required with a non-nullable value
/// type (<c>int</c>, <c>long</c>, <c>bool</c>, <c>double</c>, <c>DateTime</c>) and an optional one as nullable
/// (<c>int?</c>), so those are exact. For strings, lists, maps and objects it writes the same reference type either way
/// (KubernetesClient 21 models have no nullable annotations, no constructor parameters and no <c>Validate()</c>), so
/// their required-ness is not in the package: such fields (e.g. a Deployment's <c>spec.selector</c>, a container's
/// <c>name</c>) are left out of <c>required</c>. The generator's one exception is <c>eventTime</c>, written nullable although
/// events.k8s.io requires it.</item>
/// </list>
/// A type that contains itself (only <c>JSONSchemaProps</c>, in a CRD's schema) is cut at the repetition with a free-form
/// object. <c>x-kubernetes-list-type</c>, <c>-list-map-keys</c>, <c>-map-type</c>, patch strategies and enums are not in the
/// models or their docs, so the schemas do not have them.
/// </summary>
internal sealed class ModelSchemaBuilder(ModelDocumentation documentation)
{
    private readonly ConcurrentDictionary<Type, IReadOnlyList<ModelProperty>> _properties = new();

    /// <summary>The schema of a kind's model type, with its <c>x-kubernetes-group-version-kind</c>, as JSON text (UTF-8).</summary>
    public byte[] ForKind(Type modelType, BuiltInKind kind)
    {
        ArgumentNullException.ThrowIfNull(modelType);
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteObject(writer, modelType, documentation.Of(modelType), new Stack<Type>(), kind);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private void WriteObject(Utf8JsonWriter writer, Type type, string? description, Stack<Type> path, BuiltInKind? kind = null)
    {
        writer.WriteStartObject();
        WriteDescription(writer, description);
        writer.WriteString("type", "object");
        if (path.Contains(type))
        {
            // A structural schema cannot refer to itself: the repetition accepts any object.
            writer.WriteBoolean("x-kubernetes-preserve-unknown-fields", true);
            writer.WriteEndObject();
            return;
        }

        path.Push(type);
        var properties = PropertiesOf(type);
        if (properties.Count > 0)
        {
            writer.WriteStartObject("properties");
            foreach (var property in properties)
            {
                writer.WritePropertyName(property.Name);
                try
                {
                    WriteType(writer, property.Info.PropertyType, property.Description, path);
                }
                catch (NotSupportedException ex)
                {
                    // Prefix the property, so a nested problem reads as a path: "V1PodSpec.Containers: V1Container.Image: ...".
                    throw new NotSupportedException($"{type.Name}.{property.Info.Name}: {ex.Message}", ex);
                }
            }

            writer.WriteEndObject();
        }

        path.Pop();
        if (properties.Any(p => p.Required))
        {
            writer.WriteStartArray("required");
            foreach (var property in properties.Where(p => p.Required))
            {
                writer.WriteStringValue(property.Name);
            }

            writer.WriteEndArray();
        }

        if (kind is { } gvk)
        {
            writer.WriteStartArray("x-kubernetes-group-version-kind");
            writer.WriteStartObject();
            writer.WriteString("group", gvk.Group);
            writer.WriteString("kind", gvk.Kind);
            writer.WriteString("version", gvk.Version);
            writer.WriteEndObject();
            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private void WriteType(Utf8JsonWriter writer, Type type, string? description, Stack<Type> path)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (Scalar(underlying) is var (jsonType, format))
        {
            writer.WriteStartObject();
            WriteDescription(writer, description);
            writer.WriteString("type", jsonType);
            if (format is not null)
            {
                writer.WriteString("format", format);
            }

            writer.WriteEndObject();
        }
        else if (underlying == typeof(IntOrString) || underlying == typeof(ResourceQuantity))
        {
            // Only the property's description: the summaries of these two types are the client's own (a long port note).
            writer.WriteStartObject();
            WriteDescription(writer, description);
            writer.WriteBoolean("x-kubernetes-int-or-string", true);
            writer.WriteStartArray("anyOf");
            writer.WriteStartObject();
            writer.WriteString("type", "integer");
            writer.WriteEndObject();
            writer.WriteStartObject();
            writer.WriteString("type", "string");
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        else if (underlying == typeof(object))
        {
            writer.WriteStartObject();
            WriteDescription(writer, description);
            writer.WriteBoolean("x-kubernetes-preserve-unknown-fields", true);
            writer.WriteEndObject();
        }
        else if (GenericArgument(underlying, typeof(IDictionary<,>), 1) is { } valueType)
        {
            writer.WriteStartObject();
            WriteDescription(writer, description);
            writer.WriteString("type", "object");
            writer.WritePropertyName("additionalProperties");
            WriteType(writer, valueType, null, path);
            writer.WriteEndObject();
        }
        else if (GenericArgument(underlying, typeof(IList<>), 0) is { } itemType)
        {
            writer.WriteStartObject();
            WriteDescription(writer, description);
            writer.WriteString("type", "array");
            writer.WritePropertyName("items");
            WriteType(writer, itemType, null, path);
            writer.WriteEndObject();
        }
        else if (underlying.IsClass && underlying.Namespace == typeof(V1ObjectMeta).Namespace)
        {
            WriteObject(writer, underlying, description ?? documentation.Of(underlying), path);
        }
        else
        {
            throw new NotSupportedException($"the type {underlying.FullName} has no OpenAPI mapping.");
        }
    }

    private IReadOnlyList<ModelProperty> PropertiesOf(Type type) => _properties.GetOrAdd(type, t =>
    {
        var properties = OpenApiSchemaGenerator.SerializedProperties(t)
            .Select(p => new ModelProperty(
                OpenApiSchemaGenerator.JsonName(p),
                p,
                documentation.Of(p),
                p.PropertyType.IsValueType && Nullable.GetUnderlyingType(p.PropertyType) is null))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
        var duplicate = properties.GroupBy(p => p.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null
            ? properties
            : throw new NotSupportedException($"{t.FullName}: more than one property has the JSON name '{duplicate.Key}'.");
    });

    private static (string Type, string? Format)? Scalar(Type type) => type switch
    {
        _ when type == typeof(string) => ("string", null),
        _ when type == typeof(bool) => ("boolean", null),
        _ when type == typeof(int) => ("integer", "int32"),
        _ when type == typeof(long) => ("integer", "int64"),
        _ when type == typeof(double) => ("number", "double"),
        _ when type == typeof(float) => ("number", "float"),
        _ when type == typeof(DateTime) || type == typeof(DateTimeOffset) => ("string", "date-time"),
        _ when type == typeof(byte[]) => ("string", "byte"),
        _ => null,
    };

    private static Type? GenericArgument(Type type, Type definition, int index)
    {
        foreach (var candidate in type.GetInterfaces().Prepend(type))
        {
            if (candidate.IsGenericType && candidate.GetGenericTypeDefinition() == definition)
            {
                var arguments = candidate.GetGenericArguments();
                if (definition == typeof(IDictionary<,>) && arguments[0] != typeof(string))
                {
                    throw new NotSupportedException($"the dictionary {type.Name} is not keyed by string.");
                }

                return arguments[index];
            }
        }

        return null;
    }

    private static void WriteDescription(Utf8JsonWriter writer, string? description)
    {
        if (description is not null)
        {
            writer.WriteString("description", description);
        }
    }

    /// <summary>One serialized property of a model type, with what the schema needs of it.</summary>
    private sealed record ModelProperty(string Name, PropertyInfo Info, string? Description, bool Required);
}
