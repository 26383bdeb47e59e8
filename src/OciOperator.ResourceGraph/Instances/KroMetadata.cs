using System.Security.Cryptography;
using System.Text;

namespace OciOperator.ResourceGraph.Instances;

/// <summary>kro's label, annotation, finalizer and field-manager keys on instances and their children (kro.md §3, §6.4).</summary>
public static class KroMetadata
{
    public const string KroVersion = "v0.10.0-ocioperator";
    public const string FieldManager = "kro.run/applyset";
    public const string Finalizer = "kro.run/finalizer";
    public const string Owned = "kro.run/owned";
    public const string KroVersionLabel = "kro.run/kro-version";
    public const string InstanceId = "kro.run/instance-id";
    public const string InstanceName = "kro.run/instance-name";
    public const string InstanceNamespace = "kro.run/instance-namespace";
    public const string InstanceGroup = "kro.run/instance-group";
    public const string InstanceVersion = "kro.run/instance-version";
    public const string InstanceKind = "kro.run/instance-kind";
    public const string NodeId = "kro.run/node-id";
    public const string CollectionIndex = "kro.run/collection-index";
    public const string CollectionSize = "kro.run/collection-size";
    public const string ManagedBy = "app.kubernetes.io/managed-by";
    public const string ApplySetPartOf = "applyset.kubernetes.io/part-of";
    public const string ApplySetId = "applyset.kubernetes.io/id";
    public const string ApplySetTooling = "applyset.kubernetes.io/tooling";
    public const string ApplySetGroupKinds = "applyset.kubernetes.io/contains-group-kinds";
    public const string ApplyOrder = "internal.kro.run/apply-order";
    public const string RgdName = "kro.run/resource-graph-definition-name";

    /// <summary>The suspension label (and annotation) <c>kro.run/reconcile</c>; values <c>disabled</c> or <c>suspended</c>.</summary>
    public const string Reconcile = "kro.run/reconcile";

    /// <summary><c>applyset-&lt;base64url(sha256(name.namespace.kind.group))&gt;-v1</c>, the KEP-3659 ApplySet id of an instance.</summary>
    public static string ApplySetIdOf(string name, string? @namespace, string kind, string group)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{name}.{@namespace ?? string.Empty}.{kind}.{group}"));
        return "applyset-" + Convert.ToBase64String(hash).TrimEnd('=').Replace('+', '-').Replace('/', '_') + "-v1";
    }

    public static bool IsSuspended(string? value) =>
        string.Equals(value, "disabled", StringComparison.OrdinalIgnoreCase) || string.Equals(value, "suspended", StringComparison.OrdinalIgnoreCase);
}
