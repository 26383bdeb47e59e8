namespace OciOperator.Sandbox.Kube.Http;

/// <summary>What an injected write fault answers.</summary>
internal enum WriteFault
{
    None,
    Conflict,
    InternalError,
    Unavailable,
}
