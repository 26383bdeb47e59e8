namespace OciOperator.Sandbox.Kube.Protobuf;

/// <summary>How a protobuf field maps to JSON.</summary>
internal enum ProtoFieldType
{
    String,
    Bytes,
    Int64,
    Bool,
    Message,
    StringMap,
    BytesMap,
    Time,
    IntOrString,
}
