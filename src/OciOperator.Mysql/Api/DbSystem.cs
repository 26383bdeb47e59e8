using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using k8s;
using k8s.Models;
using OciOperator.Schemas.Crd;

namespace OciOperator.Mysql.Api;

/// <summary>
/// A MySQL HeatWave DB system in Oracle Cloud, managed from Kubernetes (<c>mysql.oracle.com/v1beta1</c>, kind
/// <c>DbSystem</c>, OSOK-compatible). The CRD in <c>config/crd/bases</c> is generated from this type.
/// </summary>
[KubernetesEntity(Group = KubeGroup, ApiVersion = KubeApiVersion, Kind = KubeKind, PluralName = KubePluralName)]
[Description("DbSystem is the Schema for the dbsystems API: a MySQL HeatWave DB system in Oracle Cloud Infrastructure.")]
[CrdScope(CrdResourceScope.Namespaced)]
[CrdCategory("oci")]
[CrdPrinterColumn(0, "DisplayName", "string", ".spec.displayName", Priority = 1, Description = "Name of the DbSystem")]
[CrdPrinterColumn(1, "Status", "string", ".status.status.conditions[-1].type", Description = "status of the DbSystem")]
[CrdPrinterColumn(2, "LifecycleState", "string", ".status.lifecycleState", Description = "OCI lifecycle state of the DbSystem")]
[CrdPrinterColumn(3, "Ocid", "string", ".status.status.ocid", Priority = 1, Description = "Ocid of the DbSystem")]
[CrdPrinterColumn(4, "Age", "date", ".metadata.creationTimestamp")]
public sealed class DbSystem : IKubernetesObject<V1ObjectMeta>, ISpec<DbSystemSpec>, IStatus<DbSystemStatus?>
{
    /// <summary>The API group.</summary>
    public const string KubeGroup = "mysql.oracle.com";

    /// <summary>The API version (without the group).</summary>
    public const string KubeApiVersion = "v1beta1";

    /// <summary>The kind.</summary>
    public const string KubeKind = "DbSystem";

    /// <summary>The resource (plural) name.</summary>
    public const string KubePluralName = "dbsystems";

    /// <summary>The <c>apiVersion</c> value: <c>mysql.oracle.com/v1beta1</c>.</summary>
    public const string ApiGroupVersion = KubeGroup + "/" + KubeApiVersion;

    /// <summary>The name of the CRD: <c>dbsystems.mysql.oracle.com</c>.</summary>
    public const string CrdName = KubePluralName + "." + KubeGroup;

    /// <inheritdoc/>
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = ApiGroupVersion;

    /// <inheritdoc/>
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = KubeKind;

    /// <inheritdoc/>
    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    /// <summary>The desired DB system.</summary>
    [JsonPropertyName("spec")]
    [Required]
    [Description("The desired state of the DB system.")]
    public DbSystemSpec Spec { get; set; } = new();

    /// <summary>The observed DB system; null until the operator first writes it.</summary>
    [JsonPropertyName("status")]
    [Description("The observed state of the DB system.")]
    public DbSystemStatus? Status { get; set; }
}
