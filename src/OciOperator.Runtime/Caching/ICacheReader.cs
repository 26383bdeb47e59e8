namespace OciOperator.Runtime.Caching;

/// <summary>Read access to an informer's cache: what reconcilers use instead of the API server.</summary>
/// <typeparam name="T">The cached object type.</typeparam>
public interface ICacheReader<T>
    where T : class
{
    /// <summary>The cached object, or null.</summary>
    T? Get(string? @namespace, string name);

    /// <summary>All cached objects, optionally in one namespace.</summary>
    IReadOnlyList<T> List(string? @namespace = null);

    /// <summary>The objects whose index <paramref name="indexName"/> produced <paramref name="value"/>.</summary>
    IReadOnlyList<T> ByIndex(string indexName, string value);
}
