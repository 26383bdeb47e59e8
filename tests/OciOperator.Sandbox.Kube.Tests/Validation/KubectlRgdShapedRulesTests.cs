using OciOperator.Sandbox.Kube.Tests.Support;

namespace OciOperator.Sandbox.Kube.Tests.Validation;

/// <summary>
/// Rules of the shape kro's ResourceGraphDefinition CRD relies on: "exactly one of template or externalRef" on the
/// items of an unbounded list of objects, and "kind is immutable" (<c>self == oldSelf</c>) on a patterned string two
/// objects deep, through the real kubectl.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class KubectlRgdShapedRulesTests : KubectlFixture
{
    private const string Crd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: graphs.rules.example.com
        spec:
          group: rules.example.com
          scope: Cluster
          names: {plural: graphs, singular: graph, kind: Graph, listKind: GraphList}
          versions:
          - name: v1alpha1
            served: true
            storage: true
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
                    type: object
                    required: [schema]
                    properties:
                      schema:
                        type: object
                        required: [kind, apiVersion]
                        properties:
                          kind:
                            type: string
                            pattern: '^[A-Z][a-zA-Z0-9]{0,62}$'
                            x-kubernetes-validations:
                            - rule: self == oldSelf
                              message: kind is immutable
                          apiVersion:
                            type: string
                            x-kubernetes-validations:
                            - rule: self == oldSelf
                              message: apiVersion is immutable
                      resources:
                        type: array
                        items:
                          type: object
                          required: [id]
                          properties:
                            id: {type: string}
                            template: {type: object, x-kubernetes-preserve-unknown-fields: true}
                            externalRef:
                              type: object
                              properties:
                                name: {type: string}
                          x-kubernetes-validations:
                          - rule: "(has(self.template) && !has(self.externalRef)) || (!has(self.template) && has(self.externalRef))"
                            message: exactly one of template or externalRef must be provided
        """;

    private static string Graph(string kind, string resources) =>
        "apiVersion: rules.example.com/v1alpha1\nkind: Graph\nmetadata: {name: app}\nspec:\n  schema: {kind: " + kind + ", apiVersion: v1alpha1}\n  resources:\n" + resources;

    private const string TemplateOnly = "  - {id: web, template: {apiVersion: v1, kind: ConfigMap}}\n";

    [Test]
    public async Task Apply_ResourceWithTemplateAndExternalRef_Refused()
    {
        await Ok("apply", "-f", Kubectl.WriteFile("crd.yaml", Crd));

        var result = await Kubectl.RunAsync("apply", "-f", Kubectl.WriteFile("g.yaml", Graph("App", TemplateOnly + "  - {id: db, template: {kind: X}, externalRef: {name: db}}\n")));

        Assert.That(result.ExitCode, Is.Not.EqualTo(0), result.ToString());
        Assert.That(result.Stderr, Does.Contain("The Graph \"app\" is invalid: spec.resources[1]: Invalid value: exactly one of template or externalRef must be provided"), result.ToString());
    }

    [Test]
    public async Task Apply_KindChanged_RefusedAndOtherChangesAccepted()
    {
        await Ok("apply", "-f", Kubectl.WriteFile("crd.yaml", Crd));
        await Ok("apply", "-f", Kubectl.WriteFile("g1.yaml", Graph("App", TemplateOnly)));

        var changedKind = await Kubectl.RunAsync("apply", "-f", Kubectl.WriteFile("g2.yaml", Graph("Application", TemplateOnly)));
        var addedResource = await Kubectl.RunAsync("apply", "-f", Kubectl.WriteFile("g3.yaml", Graph("App", TemplateOnly + "  - {id: db, externalRef: {name: db}}\n")));

        Assert.That(changedKind.ExitCode, Is.Not.EqualTo(0), changedKind.ToString());
        Assert.That(changedKind.Stderr, Does.Contain("spec.schema.kind: Invalid value: \"Application\": kind is immutable"), changedKind.ToString());
        Assert.That(addedResource.ExitCode, Is.EqualTo(0), addedResource.ToString());
    }

    private async Task Ok(params string[] args)
    {
        var result = await Kubectl.RunAsync(args);
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
    }
}
