namespace OciOperator.Sandbox.Kube.Tests.Validation;

/// <summary>A CRD whose schema carries one rule of each shape the apiserver evaluates, and Widgets for it.</summary>
internal static class RuleTestManifests
{
    public const string CrdName = "widgets.rules.example.com";

    public const string Crd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: widgets.rules.example.com
        spec:
          group: rules.example.com
          scope: Namespaced
          names: {plural: widgets, singular: widget, kind: Widget, listKind: WidgetList}
          versions:
          - name: v1
            served: true
            storage: true
            subresources: {status: {}}
            schema:
              openAPIV3Schema:
                type: object
                x-kubernetes-validations:
                - rule: "self.metadata.name.startsWith('w-')"
                  message: "name must start with w-"
                properties:
                  spec:
                    type: object
                    x-kubernetes-validations:
                    - rule: "!has(self.minReplicas) || !has(self.maxReplicas) || self.minReplicas <= self.maxReplicas"
                      messageExpression: "'minReplicas (%d) must not exceed maxReplicas (%d)'.format([self.minReplicas, self.maxReplicas])"
                    - rule: "has(self.template) != has(self.externalRef)"
                      message: "exactly one of template or externalRef must be set"
                    - rule: "!has(self.owner) || self.owner != 'root'"
                      reason: FieldValueForbidden
                      fieldPath: ".owner"
                      message: "root may not own widgets"
                    - rule: "self.minReplicas < 100"
                    properties:
                      minReplicas: {type: integer, default: 1}
                      maxReplicas: {type: integer}
                      kind:
                        type: string
                        maxLength: 63
                        x-kubernetes-validations:
                        - rule: "self == oldSelf"
                          message: "kind is immutable"
                      size:
                        type: string
                        maxLength: 10
                        x-kubernetes-validations:
                        - rule: "self.matches('^[0-9]+Gi$')"
                          message: "size must be in Gi"
                        - rule: "quantity(self).compareTo(quantity('1Gi')) >= 0"
                          message: "size must be at least 1Gi"
                      template: {type: object, x-kubernetes-preserve-unknown-fields: true}
                      externalRef:
                        type: object
                        properties:
                          name: {type: string}
                      owner: {type: string}
                      phase:
                        type: string
                        x-kubernetes-validations:
                        - rule: "oldSelf.hasValue() || self == 'Pending'"
                          optionalOldSelf: true
                          message: "a new widget starts Pending"
                      tags:
                        type: array
                        maxItems: 10
                        items: {type: string, maxLength: 20}
                        x-kubernetes-validations:
                        - rule: "self.all(t, t.lowerAscii() == t)"
                          message: "tags must be lowercase"
                        - rule: "self.isSorted()"
                          message: "tags must be sorted"
                      ports:
                        type: array
                        maxItems: 16
                        x-kubernetes-list-type: map
                        x-kubernetes-list-map-keys: [name]
                        items:
                          type: object
                          required: [name]
                          properties:
                            name: {type: string, maxLength: 15}
                            port: {type: integer}
                          x-kubernetes-validations:
                          - rule: "self.port >= oldSelf.port"
                            message: "a port may only grow"
                      labels:
                        type: object
                        maxProperties: 5
                        additionalProperties: {type: string, maxLength: 63}
                        x-kubernetes-validations:
                        - rule: "self.all(k, size(k) <= 10)"
                          message: "label keys are at most 10 characters"
                      address:
                        type: string
                        maxLength: 64
                        x-kubernetes-validations:
                        - rule: "isIP(self) && ip(self).family() == 4"
                          message: "address must be an IPv4 address"
                  status:
                    type: object
                    properties:
                      ready:
                        type: integer
                        x-kubernetes-validations:
                        - rule: "self >= 0"
                          message: "ready must not be negative"
        """;

    /// <summary>A Widget with the given spec lines (YAML, indented under <c>spec:</c>).</summary>
    public static string Widget(string name, params string[] specLines) =>
        "apiVersion: rules.example.com/v1\nkind: Widget\nmetadata:\n  name: " + name + "\n  namespace: default\nspec:\n"
        + string.Concat(specLines.Select(l => "  " + l + "\n"));

    /// <summary>A CRD with one schema for <c>spec</c> (YAML indented to sit under <c>spec:</c> at 8 spaces).</summary>
    public static string CrdWithSpecSchema(string specSchemaYaml) =>
        """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: gadgets.rules.example.com
        spec:
          group: rules.example.com
          scope: Namespaced
          names: {plural: gadgets, singular: gadget, kind: Gadget, listKind: GadgetList}
          versions:
          - name: v1
            served: true
            storage: true
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:

        """ + string.Concat(specSchemaYaml.Split('\n').Select(l => "            " + l + "\n"));
}
