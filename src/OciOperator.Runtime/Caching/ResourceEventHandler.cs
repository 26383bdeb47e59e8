namespace OciOperator.Runtime.Caching;

/// <summary>Callbacks an informer invokes in event order; they should only map objects to keys.</summary>
/// <typeparam name="T">The cached object type.</typeparam>
public sealed record ResourceEventHandler<T>(Action<T>? OnAdd = null, Action<T, T>? OnUpdate = null, Action<T>? OnDelete = null);
