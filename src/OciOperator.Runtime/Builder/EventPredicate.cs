namespace OciOperator.Runtime.Builder;

/// <summary>
/// Filters informer events before they become reconcile requests (controller-runtime's <c>predicate.Funcs</c>).
/// A missing function lets the event through.
/// </summary>
/// <typeparam name="T">The object type.</typeparam>
public sealed record EventPredicate<T>(Func<T, bool>? Create = null, Func<T, T, bool>? Update = null, Func<T, bool>? Delete = null)
{
    internal bool AllowCreate(T obj) => Create?.Invoke(obj) ?? true;

    internal bool AllowUpdate(T oldObj, T newObj) => Update?.Invoke(oldObj, newObj) ?? true;

    internal bool AllowDelete(T obj) => Delete?.Invoke(obj) ?? true;
}
