namespace OciOperator.ResourceGraph.Schemas;

/// <summary>
/// Where the graph builder gets the schema and scope of a kind: built-in kinds, CRDs installed in the cluster, or CRD
/// files given on the command line. A boundary (an API server may be behind it), so it is an interface.
/// </summary>
public interface IResourceSchemaResolver
{
    ResourceSchemaLookup Resolve(GroupVersionKind gvk);
}
