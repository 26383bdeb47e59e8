namespace OciOperator.Sandbox.Kube.Storage;

/// <summary>Where one object lives in the store: its collection (group/plural) and its <c>namespace/name</c> key.</summary>
internal readonly record struct ObjectRef(string StorageKey, string Namespace, string Name)
{
    public string Key => Namespace + "/" + Name;
}
