using OciOperator.Sandbox.Kube.Simulators.Client;

namespace OciOperator.Sandbox.Kube.Simulators;

/// <summary>A namespaced resource a simulator watches, e.g. <c>/apis/batch/v1</c> + <c>jobs</c>.</summary>
internal sealed record SimulatedResource(string ApiPrefix, string Plural)
{
    public static SimulatedResource Jobs { get; } = new("/apis/batch/v1", "jobs");

    public static SimulatedResource Deployments { get; } = new("/apis/apps/v1", "deployments");

    public static SimulatedResource Services { get; } = new("/api/v1", "services");

    /// <summary>The all-namespaces collection used for list and watch.</summary>
    public string ListPath => ApiPrefix + "/" + Plural;

    public string ObjectPath(string key)
    {
        var (ns, name) = ObjectKeys.Split(key);
        return $"{ApiPrefix}/namespaces/{Uri.EscapeDataString(ns)}/{Plural}/{Uri.EscapeDataString(name)}";
    }

    public string StatusPath(string key) => ObjectPath(key) + "/status";
}
