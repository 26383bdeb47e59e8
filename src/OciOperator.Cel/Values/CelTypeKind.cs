namespace OciOperator.Cel.Values;

/// <summary>The kind of a CEL type.</summary>
public enum CelTypeKind
{
    Dyn,
    Null,
    Bool,
    Int,
    Uint,
    Double,
    String,
    Bytes,
    List,
    Map,
    Timestamp,
    Duration,
    Type,
    Optional,
    Opaque,
    TypeParam,
    Error,
    Message,
    Wrapper,
}
