namespace OciOperator.Sandbox.Oci.Hosting;

/// <summary>Which emulated service a request is for.</summary>
internal enum OciRouteKind
{
    Unknown,
    Mysql,
    InstanceMetadata,
    Federation,
    TokenRefresh,
    OkeProxymux,
    Identity,
}
