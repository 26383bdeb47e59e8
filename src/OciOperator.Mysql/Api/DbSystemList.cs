using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace OciOperator.Mysql.Api;

/// <summary>A list of <see cref="DbSystem"/> (kind <c>DbSystemList</c>).</summary>
[KubernetesEntity(Group = DbSystem.KubeGroup, ApiVersion = DbSystem.KubeApiVersion, Kind = DbSystem.KubeKind + "List", PluralName = DbSystem.KubePluralName)]
public sealed class DbSystemList : IKubernetesObject<V1ListMeta>, IItems<DbSystem>
{
    /// <inheritdoc/>
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = DbSystem.ApiGroupVersion;

    /// <inheritdoc/>
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = DbSystem.KubeKind + "List";

    /// <inheritdoc/>
    [JsonPropertyName("metadata")]
    public V1ListMeta Metadata { get; set; } = new();

    /// <inheritdoc/>
    [JsonPropertyName("items")]
    public IList<DbSystem> Items { get; set; } = [];
}
