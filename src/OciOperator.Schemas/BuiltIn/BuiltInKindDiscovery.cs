using System.Reflection;
using k8s;
using k8s.Models;

namespace OciOperator.Schemas.BuiltIn;

/// <summary>
/// Finds the built-in kinds in KubernetesClient: every <c>k8s.Models</c> type with a <c>[KubernetesEntity]</c> that is an
/// object with <see cref="V1ObjectMeta"/> (so lists and <c>Status</c> are not kinds here) and that the API serves, that
/// is, some operation of the client's typed interfaces (<c>IAppsV1Operations</c>, ...) takes or returns it. The scope
/// comes from the same operations: a kind is namespaced when they take a <c>namespaceParameter</c>
/// (<c>CreateNamespacedDeployment</c>), cluster-wide otherwise (<c>CreateClusterRole</c>).
/// </summary>
internal static class BuiltInKindDiscovery
{
    private const string NamespaceParameter = "namespaceParameter";

    public static IEnumerable<(BuiltInKind Kind, Type Type)> Discover()
    {
        var assembly = typeof(V1ObjectMeta).Assembly;
        var scopes = OperationScopes(assembly);
        foreach (var type in assembly.GetExportedTypes())
        {
            if (type.Namespace != typeof(V1ObjectMeta).Namespace || type.IsAbstract || !typeof(IKubernetesObject<V1ObjectMeta>).IsAssignableFrom(type))
            {
                continue;
            }

            if (type.GetCustomAttribute<KubernetesEntityAttribute>() is { Kind.Length: > 0, ApiVersion.Length: > 0 } entity
                && scopes.TryGetValue(type, out var namespaced))
            {
                var plural = string.IsNullOrEmpty(entity.PluralName) ? null : entity.PluralName;
                yield return (new BuiltInKind(entity.Group ?? "", entity.ApiVersion, entity.Kind, plural, namespaced), type);
            }
        }
    }

    /// <summary>For every model type an operation takes or returns: whether those operations are namespaced.</summary>
    private static Dictionary<Type, bool> OperationScopes(Assembly assembly)
    {
        var scopes = new Dictionary<Type, bool>();
        var operations = assembly.GetExportedTypes()
            .Where(t => t.IsInterface && t.Namespace == typeof(IKubernetes).Namespace)
            .SelectMany(t => t.GetMethods());
        foreach (var operation in operations)
        {
            var parameters = operation.GetParameters();
            var namespaced = parameters.Any(p => p.Name == NamespaceParameter);
            foreach (var model in parameters.Select(p => p.ParameterType).Append(ResultType(operation.ReturnType)))
            {
                if (model is { Namespace: "k8s.Models" })
                {
                    scopes[model] = (scopes.TryGetValue(model, out var seen) && seen) || namespaced;
                }
            }
        }

        return scopes;
    }

    /// <summary><c>T</c> of <c>Task&lt;HttpOperationResponse&lt;T&gt;&gt;</c> (or of <c>Task&lt;T&gt;</c>).</summary>
    private static Type? ResultType(Type type)
    {
        while (type.IsGenericType && type.GetGenericArguments().Length == 1)
        {
            type = type.GetGenericArguments()[0];
        }

        return type;
    }
}
