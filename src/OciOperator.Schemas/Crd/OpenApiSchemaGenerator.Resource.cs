using System.ComponentModel;
using System.Reflection;
using k8s;
using k8s.Models;

namespace OciOperator.Schemas.Crd;

/// <summary>The root schema of a custom resource: the standard type and object metadata fields, then spec and status.</summary>
public static partial class OpenApiSchemaGenerator
{
    private const string ApiVersionDescription =
        "APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas "
        + "to the latest internal value, and may reject unrecognized values. More info: "
        + "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources";

    private const string KindDescription =
        "Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint "
        + "the client submits requests to. Cannot be updated. In CamelCase. More info: "
        + "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds";

    /// <summary>
    /// The <c>openAPIV3Schema</c> of a custom resource type implementing <see cref="IKubernetesObject{TMetadata}"/>:
    /// <c>apiVersion</c>, <c>kind</c> and <c>metadata</c> as controller-gen writes them, every other property (spec,
    /// status) from its C# type.
    /// </summary>
    /// <exception cref="CrdSchemaException">The type is not a Kubernetes object or cannot be expressed as a structural schema.</exception>
    public static V1JSONSchemaProps ForResource(Type resourceType)
    {
        ArgumentNullException.ThrowIfNull(resourceType);
        if (!typeof(IKubernetesObject<V1ObjectMeta>).IsAssignableFrom(resourceType))
        {
            throw new CrdSchemaException($"{resourceType.Name} does not implement IKubernetesObject<V1ObjectMeta>.");
        }

        var context = new NullabilityInfoContext();
        var path = new Stack<Type>([resourceType]);
        var properties = new SortedDictionary<string, V1JSONSchemaProps>(StringComparer.Ordinal);
        var required = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var property in SerializedProperties(resourceType))
        {
            var name = JsonName(property);
            properties[name] = name switch
            {
                "apiVersion" => new V1JSONSchemaProps { Type = "string", Description = ApiVersionDescription },
                "kind" => new V1JSONSchemaProps { Type = "string", Description = KindDescription },
                "metadata" => new V1JSONSchemaProps { Type = "object" },
                _ => PropertySchema(property, context.Create(property), context, path),
            };
            if (name is not ("apiVersion" or "kind" or "metadata") && property.GetCustomAttribute<System.ComponentModel.DataAnnotations.RequiredAttribute>() is not null)
            {
                required.Add(name);
            }
        }

        return new V1JSONSchemaProps
        {
            Type = "object",
            Description = resourceType.GetCustomAttribute<DescriptionAttribute>()?.Description,
            Properties = new Dictionary<string, V1JSONSchemaProps>(properties, StringComparer.Ordinal),
            Required = required.Count == 0 ? null : required.ToList(),
        };
    }
}
