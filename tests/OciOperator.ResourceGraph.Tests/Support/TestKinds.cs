using System.Text.Json.Nodes;
using OciOperator.ResourceGraph.Schemas;
using OciOperator.Sandbox.Kube.Serialization;

namespace OciOperator.ResourceGraph.Tests.Support;

/// <summary>
/// Test kinds as CRDs of group <c>test.kro.dev</c>: a namespaced <c>Widget</c> with fields of every shape the type
/// rules care about, and a cluster-scoped <c>Gadget</c>. Plus the committed DbSystem CRD.
/// </summary>
internal static class TestKinds
{
    public const string WidgetCrd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: widgets.test.kro.dev}
        spec:
          group: test.kro.dev
          scope: Namespaced
          names: {kind: Widget, plural: widgets, singular: widget, listKind: WidgetList}
          versions:
            - name: v1
              served: true
              storage: true
              schema:
                openAPIV3Schema:
                  type: object
                  properties:
                    apiVersion: {type: string}
                    kind: {type: string}
                    metadata: {type: object}
                    spec:
                      type: object
                      properties:
                        name: {type: string}
                        replicas: {type: integer}
                        ratio: {type: number}
                        enabled: {type: boolean}
                        port: {x-kubernetes-int-or-string: true}
                        tags: {type: array, items: {type: string}}
                        labels: {type: object, additionalProperties: {type: string}}
                        config: {type: object, x-kubernetes-preserve-unknown-fields: true}
                        ref:
                          type: object
                          properties:
                            name: {type: string}
                            key: {type: string}
                        items:
                          type: array
                          items:
                            type: object
                            properties:
                              name: {type: string}
                              value: {type: integer}
                    status:
                      type: object
                      properties:
                        ready: {type: boolean}
                        address: {type: string}
                        count: {type: integer}
                        endpoints: {type: array, items: {type: string}}
                        conditions:
                          type: array
                          items:
                            type: object
                            properties:
                              type: {type: string}
                              status: {type: string}
        """;

    public const string GadgetCrd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: gadgets.test.kro.dev}
        spec:
          group: test.kro.dev
          scope: Cluster
          names: {kind: Gadget, plural: gadgets, singular: gadget, listKind: GadgetList}
          versions:
            - name: v1
              served: true
              storage: true
              schema:
                openAPIV3Schema:
                  type: object
                  properties:
                    spec:
                      type: object
                      properties:
                        size: {type: integer}
                        owner: {type: string}
        """;

    /// <summary>A catalog with Widget, Gadget and (when <paramref name="withDbSystem"/>) the committed DbSystem CRD.</summary>
    public static CrdSchemaCatalog Catalog(bool withDbSystem = true)
    {
        var catalog = new CrdSchemaCatalog();
        Add(catalog, YamlToJson.Parse(WidgetCrd));
        Add(catalog, YamlToJson.Parse(GadgetCrd));
        if (withDbSystem)
        {
            Add(catalog, YamlToJson.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "config/crd/bases/mysql.oracle.com_dbsystems.yaml"))));
        }

        return catalog;
    }

    /// <summary>Built-in kinds plus <see cref="Catalog"/>: what a cluster with the DbSystem CRD installed offers.</summary>
    public static IResourceSchemaResolver WithBuiltIns() => new CombinedSchemaResolver(new BuiltInSchemaResolver(), Catalog());

    private static void Add(CrdSchemaCatalog catalog, JsonNode? crd)
    {
        if (catalog.Add(crd!.AsObject()) is { } error)
        {
            throw new InvalidOperationException(error);
        }
    }
}
