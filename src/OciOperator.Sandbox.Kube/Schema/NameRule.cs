namespace OciOperator.Sandbox.Kube.Schema;

/// <summary>Which name validation the apiserver applies to a kind.</summary>
internal enum NameRule
{
    /// <summary>DNS-1123 subdomain (most kinds, every custom resource).</summary>
    Subdomain,

    /// <summary>DNS-1123 label (Namespace).</summary>
    Label,

    /// <summary>DNS-1035 label (Service).</summary>
    Dns1035Label,
}
