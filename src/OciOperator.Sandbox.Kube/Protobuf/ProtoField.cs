namespace OciOperator.Sandbox.Kube.Protobuf;

/// <summary>One field of a message descriptor: JSON name, type, repetition and (for messages) the nested descriptor.</summary>
internal sealed record ProtoField(string Name, ProtoFieldType Type, bool Repeated = false, ProtoMessage? Message = null);
