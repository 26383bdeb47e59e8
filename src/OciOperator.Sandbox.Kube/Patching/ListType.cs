namespace OciOperator.Sandbox.Kube.Patching;

/// <summary>How a list merges (<c>x-kubernetes-list-type</c>; for strategic merge patch, the patch strategy).</summary>
internal enum ListType
{
    /// <summary>Replaced as a whole (CRD default; SMP "replace").</summary>
    Atomic,

    /// <summary>A set of scalars merged by value (SMP "merge" of primitives, e.g. finalizers).</summary>
    Set,

    /// <summary>Objects merged by key fields (SMP merge key = the first key).</summary>
    Map,

    /// <summary>
    /// Not a list: an object (map or struct) that is replaced as a whole by server-side apply and owned as one field
    /// (<c>x-kubernetes-map-type: atomic</c>, <c>+structType=atomic</c> such as LabelSelector). Resolvers return it for
    /// object paths; strategic merge patch still merges such objects, as apimachinery does.
    /// </summary>
    AtomicObject,
}
