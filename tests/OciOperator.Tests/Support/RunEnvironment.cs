using OciOperator.Sandbox.Oci;

namespace OciOperator.Tests.Support;

/// <summary>What a separate <c>oci-operator run</c> needs to use a hosted Sandbox (as <c>sandbox --print-run-env</c> prints).</summary>
internal static class RunEnvironment
{
    public static IReadOnlyDictionary<string, string> For(string kubeconfigPath, OciEmulator oci) => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["KUBECONFIG"] = kubeconfigPath,
        ["OCI_METADATA_BASE_URL"] = oci.InstanceMetadataEndpoint.AbsoluteUri,
        ["OCI_SDK_AUTH_CLIENT_REGION_URL"] = oci.FederationEndpoint.AbsoluteUri,
    };
}
