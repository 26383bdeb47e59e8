namespace OciOperator.Sandbox.Kube;

/// <summary>What an injected write fault answers.</summary>
internal enum WriteFault
{
    None,
    Conflict,
    InternalError,
    Unavailable,
}
