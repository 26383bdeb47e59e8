namespace OciOperator.Sandbox.Kube.Protobuf;

/// <summary>A message descriptor: field number → field (from the Kubernetes <c>generated.proto</c> files).</summary>
internal sealed class ProtoMessage(IReadOnlyDictionary<int, ProtoField> fields)
{
    public IReadOnlyDictionary<int, ProtoField> Fields { get; } = fields;
}
