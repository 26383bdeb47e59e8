namespace OciOperator.Sandbox.Kube.Tests.Support;

/// <summary>Manifests shared by the kubectl and client suites.</summary>
internal static class TestManifests
{
    public const string WidgetCrd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: widgets.example.com
        spec:
          group: example.com
          scope: Namespaced
          names:
            plural: widgets
            singular: widget
            kind: Widget
            shortNames: [wd]
            categories: [all]
          versions:
          - name: v1
            served: true
            storage: true
            subresources:
              status: {}
            additionalPrinterColumns:
            - name: Color
              type: string
              jsonPath: .spec.color
            - name: Replicas
              type: integer
              jsonPath: .spec.replicas
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
                    type: object
                    description: The desired widget.
                    required: [color]
                    properties:
                      color:
                        type: string
                        description: Paint colour.
                        enum: [red, green, blue]
                      replicas:
                        type: integer
                        minimum: 0
                        maximum: 10
                        default: 1
                      size:
                        type: string
                        default: m
                  status:
                    type: object
                    properties:
                      phase:
                        type: string
                      conditions:
                        type: array
                        items:
                          type: object
                          properties:
                            type: {type: string}
                            status: {type: string}
                            reason: {type: string}
                            message: {type: string}
        """;

    public static string Widget(string name, string color, int? replicas = null, string ns = "default") =>
        $"""
        apiVersion: example.com/v1
        kind: Widget
        metadata:
          name: {name}
          namespace: {ns}
        spec:
          color: {color}
        """ + (replicas is null ? "" : $"\n  replicas: {replicas}") + "\n";
}
