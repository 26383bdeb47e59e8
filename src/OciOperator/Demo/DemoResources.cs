using k8s.Models;
using OciOperator.Mysql.Api;
using OciOperator.ResourceGraph.Api;
using OciOperator.ResourceGraph.Api.RgdCrdTypes;
using OciOperator.Runtime.Reconciliation;

namespace OciOperator.Demo;

/// <summary>The resource types the demo creates and watches.</summary>
internal static class DemoResources
{
    public static readonly ResourceType Namespaces = new(string.Empty, V1Namespace.KubeApiVersion, V1Namespace.KubeKind, V1Namespace.KubePluralName, Namespaced: false);

    public static readonly ResourceType Rgds = new(
        ResourceGraphDefinitionResource.KubeGroup, ResourceGraphDefinitionResource.KubeApiVersion, ResourceGraphDefinition.Kind, ResourceGraphDefinitionResource.KubePluralName, Namespaced: false);

    public static readonly ResourceType Secrets = new(string.Empty, V1Secret.KubeApiVersion, V1Secret.KubeKind, V1Secret.KubePluralName);

    public static readonly ResourceType DbSystems = new(DbSystem.KubeGroup, DbSystem.KubeApiVersion, DbSystem.KubeKind, DbSystem.KubePluralName);

    public static readonly ResourceType Jobs = new(V1Job.KubeGroup, V1Job.KubeApiVersion, V1Job.KubeKind, V1Job.KubePluralName);

    public static readonly ResourceType Deployments = new(V1Deployment.KubeGroup, V1Deployment.KubeApiVersion, V1Deployment.KubeKind, V1Deployment.KubePluralName);

    public static readonly ResourceType Services = new(string.Empty, V1Service.KubeApiVersion, V1Service.KubeKind, V1Service.KubePluralName);
}
