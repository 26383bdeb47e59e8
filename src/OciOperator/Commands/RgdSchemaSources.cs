using System.Text.Json.Nodes;
using OciOperator.Mysql.Api;
using OciOperator.ResourceGraph.Schemas;
using OciOperator.Schemas.Crd;
using OciOperator.Yaml;
using k8s;

namespace OciOperator.Commands;

/// <summary>
/// The schemas offline <c>rgd</c> commands check against: the built-in kinds, the operator's own CRDs (DbSystem), and
/// the CRDs given with <c>--crd</c> or found among the input documents.
/// </summary>
internal static class RgdSchemaSources
{
    public static (IResourceSchemaResolver Resolver, CrdSchemaCatalog Crds) Create()
    {
        var crds = new CrdSchemaCatalog();
        var dbSystem = JsonNode.Parse(KubernetesJson.Serialize(CustomResourceDefinitionGenerator.Generate(typeof(DbSystem))))!.AsObject();
        _ = crds.Add(dbSystem);
        return (new CombinedSchemaResolver(new BuiltInSchemaResolver(), crds), crds);
    }

    /// <summary>Adds the CRDs of a file; returns a problem text per document that is not a usable CRD.</summary>
    public static IEnumerable<string> AddCrdFile(CrdSchemaCatalog crds, string path)
    {
        List<JsonNode> documents;
        try
        {
            documents = YamlDocuments.Parse(File.ReadAllText(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return [$"{path}: {e.Message}"];
        }

        var problems = new List<string>();
        foreach (var document in documents)
        {
            if (document is not JsonObject crd || crds.Add(crd) is { } problem)
            {
                problems.Add($"{path}: not a CustomResourceDefinition");
            }
        }

        return problems;
    }

    public static bool IsCrd(JsonNode document) =>
        document is JsonObject o && o["kind"] is JsonValue k && k.TryGetValue<string>(out var kind) && kind == "CustomResourceDefinition";
}
