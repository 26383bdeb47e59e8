namespace OciOperator.Sandbox.Kube.Simulators.Workloads;

/// <summary>The collections the workload controllers read and write.</summary>
internal static class WorkloadPaths
{
    public const string Apps = "/apis/apps/v1";
    public const string Core = "/api/v1";

    public static string Collection(string prefix, string plural) => prefix + "/" + plural;

    public static string Collection(string prefix, string ns, string plural) =>
        $"{prefix}/namespaces/{Uri.EscapeDataString(ns)}/{plural}";

    public static string Object(string prefix, string ns, string plural, string name) =>
        $"{Collection(prefix, ns, plural)}/{Uri.EscapeDataString(name)}";
}
