namespace OciOperator.Tests.Commands;

/// <summary>Test inputs for the rgd commands: a CRD of a test kind, an RGD over it, and an instance.</summary>
internal static class RgdCommandFiles
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
                    spec:
                      type: object
                      properties:
                        name: {type: string}
                        replicas: {type: integer}
                        script: {type: string}
                    status:
                      type: object
                      properties:
                        address: {type: string}
        """;

    public const string ValidRgd = """
        apiVersion: kro.run/v1alpha1
        kind: ResourceGraphDefinition
        metadata: {name: widget-app}
        spec:
          schema:
            apiVersion: v1alpha1
            kind: WidgetApp
            spec:
              name: string | required=true
              replicas: integer | default=2
            status:
              address: ${front.status.address}
          resources:
            - id: front
              template:
                apiVersion: test.kro.dev/v1
                kind: Widget
                metadata:
                  name: ${schema.metadata.name + "-front"}
                spec:
                  name: ${back.spec.name}
                  replicas: ${schema.spec.replicas}
                  script: ${back.status.address}
            - id: back
              template:
                apiVersion: test.kro.dev/v1
                kind: Widget
                metadata:
                  name: ${schema.metadata.name + "-back"}
                spec:
                  name: ${schema.spec.name}
                  script: |
                    echo one
                    echo two
        """;

    public const string BadRgd = """
        apiVersion: kro.run/v1alpha1
        kind: ResourceGraphDefinition
        metadata: {name: broken}
        spec:
          schema:
            apiVersion: v1alpha1
            kind: Broken
            spec:
              name: string
          resources:
            - id: first
              template:
                apiVersion: test.kro.dev/v1
                kind: Widget
                metadata: {name: a}
                spec:
                  replicas: ${schema.spec.name}
            - id: second
              template:
                apiVersion: test.kro.dev/v1
                kind: Widget
                metadata: {name: b}
                spec:
                  name: ${ghost.spec.name}
        """;

    public const string Instance = """
        apiVersion: kro.run/v1alpha1
        kind: WidgetApp
        metadata: {name: demo, namespace: apps}
        spec: {name: hello}
        """;
}
