using System.Reflection;
using k8s;
using k8s.Models;

namespace OciOperator.Schemas.Crd;

/// <summary>
/// Generates the <see cref="V1CustomResourceDefinition"/> of a custom resource type from its attributes
/// (<see cref="KubernetesEntityAttribute"/> for group/version/kind/plural, <see cref="CrdScopeAttribute"/>,
/// <see cref="CrdCategoryAttribute"/>, <see cref="CrdShortNameAttribute"/>, <see cref="CrdPrinterColumnAttribute"/>) and
/// its schema from <see cref="OpenApiSchemaGenerator"/>. The one version is served and stored; a type implementing
/// <see cref="IStatus{T}"/> gets the status subresource.
/// </summary>
public static class CustomResourceDefinitionGenerator
{
    /// <summary>Generates the CRD of <paramref name="resourceType"/>.</summary>
    /// <exception cref="CrdSchemaException">The type lacks its <see cref="KubernetesEntityAttribute"/> or has no structural schema.</exception>
    public static V1CustomResourceDefinition Generate(Type resourceType)
    {
        ArgumentNullException.ThrowIfNull(resourceType);
        var entity = resourceType.GetCustomAttribute<KubernetesEntityAttribute>()
            ?? throw new CrdSchemaException($"{resourceType.Name} has no [KubernetesEntity] attribute.");
        if (string.IsNullOrEmpty(entity.Group) || string.IsNullOrEmpty(entity.Kind) || string.IsNullOrEmpty(entity.PluralName) || string.IsNullOrEmpty(entity.ApiVersion))
        {
            throw new CrdSchemaException($"{resourceType.Name}: [KubernetesEntity] must set Group, ApiVersion, Kind and PluralName.");
        }

        var hasStatus = resourceType.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IStatus<>));
        var columns = resourceType.GetCustomAttributes<CrdPrinterColumnAttribute>().OrderBy(c => c.Order).ToList();
        return new V1CustomResourceDefinition
        {
            ApiVersion = "apiextensions.k8s.io/v1",
            Kind = "CustomResourceDefinition",
            Metadata = new V1ObjectMeta { Name = $"{entity.PluralName}.{entity.Group}" },
            Spec = new V1CustomResourceDefinitionSpec
            {
                Group = entity.Group,
                Names = new V1CustomResourceDefinitionNames
                {
                    Kind = entity.Kind,
                    ListKind = entity.Kind + "List",
                    Plural = entity.PluralName,
                    Singular = entity.Kind.ToLowerInvariant(),
                    Categories = NullIfEmpty(resourceType.GetCustomAttributes<CrdCategoryAttribute>().Select(c => c.Name)),
                    ShortNames = NullIfEmpty(resourceType.GetCustomAttributes<CrdShortNameAttribute>().Select(c => c.Name)),
                },
                Scope = (resourceType.GetCustomAttribute<CrdScopeAttribute>()?.Scope ?? CrdResourceScope.Namespaced).ToString(),
                Versions =
                [
                    new V1CustomResourceDefinitionVersion
                    {
                        Name = entity.ApiVersion,
                        Served = true,
                        Storage = true,
                        AdditionalPrinterColumns = columns.Count == 0 ? null : columns.Select(ToColumn).ToList(),
                        Schema = new V1CustomResourceValidation { OpenAPIV3Schema = OpenApiSchemaGenerator.ForResource(resourceType) },
                        Subresources = hasStatus ? new V1CustomResourceSubresources { Status = new object() } : null,
                    },
                ],
            },
        };
    }

    private static V1CustomResourceColumnDefinition ToColumn(CrdPrinterColumnAttribute column) => new()
    {
        Name = column.Name,
        Type = column.Type,
        JsonPath = column.JsonPath,
        Priority = column.Priority == 0 ? null : column.Priority,
        Description = column.Description,
        Format = column.Format,
    };

    private static List<string>? NullIfEmpty(IEnumerable<string> values)
    {
        var list = values.Order(StringComparer.Ordinal).ToList();
        return list.Count == 0 ? null : list;
    }
}
