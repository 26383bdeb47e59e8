namespace OciOperator.Sandbox.Kube.Patching;

/// <summary>
/// Tells the patch engines how the list at <paramref name="fieldPath"/> merges. The path is the dotted chain of
/// field names from the object root, list items not counted (e.g. <c>spec.template.spec.containers.ports</c>).
/// Return <see cref="ListTypeInfo.Atomic"/> for unknown lists. It is also asked about object paths: answering
/// <see cref="ListTypeInfo.AtomicObject"/> makes that object atomic for server-side apply; any other answer leaves it granular.
/// </summary>
internal delegate ListTypeInfo ListTypeResolver(string fieldPath);
