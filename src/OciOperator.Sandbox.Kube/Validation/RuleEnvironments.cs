using System.Text.Json.Nodes;
using OciOperator.Cel;
using OciOperator.Cel.Checking;
using OciOperator.Cel.Values;

namespace OciOperator.Sandbox.Kube.Validation;

/// <summary>
/// The CEL environments of one schema node: <c>self</c> typed from the node's structural schema (at the root with
/// <c>apiVersion</c>, <c>kind</c> and <c>metadata.name</c>/<c>generateName</c>, as <c>model.WithTypeAndObjectMeta</c>),
/// with and without <c>oldSelf</c>, and with <c>oldSelf</c> optional for <c>optionalOldSelf</c> rules. The libraries
/// are those the apiserver offers: cel-go strings (with <c>format</c>), math, encoders, optionals, lists, sets,
/// bindings, two-variable comprehensions, and Kubernetes lists, regex, URL, quantity, IP/CIDR, semver.
/// </summary>
internal sealed class RuleEnvironments
{
    private const CelLibraries KubernetesLibraries =
        CelLibraries.Strings | CelLibraries.Math | CelLibraries.Encoders | CelLibraries.Optionals | CelLibraries.Lists | CelLibraries.Kubernetes
        | CelLibraries.Sets;

    private readonly Lazy<CelEnvironment> _withoutOldSelf;
    private readonly Lazy<CelEnvironment> _withOldSelf;
    private readonly Lazy<CelEnvironment> _withOptionalOldSelf;

    public RuleEnvironments(JsonObject nodeSchema, bool isRoot, string typeName)
    {
        SelfType = OpenApiTypes.FromSchema(isRoot ? WithTypeAndObjectMeta(nodeSchema) : nodeSchema, typeName);
        _withoutOldSelf = new(() => Create(new Dictionary<string, CelType> { ["self"] = SelfType }));
        _withOldSelf = new(() => Create(new Dictionary<string, CelType> { ["self"] = SelfType, ["oldSelf"] = SelfType }));
        _withOptionalOldSelf = new(() => Create(new Dictionary<string, CelType> { ["self"] = SelfType, ["oldSelf"] = CelType.Optional(SelfType) }));
    }

    public CelType SelfType { get; }

    public CelEnvironment WithoutOldSelf => _withoutOldSelf.Value;

    public CelEnvironment WithOldSelf => _withOldSelf.Value;

    public CelEnvironment WithOptionalOldSelf => _withOptionalOldSelf.Value;

    private static CelEnvironment Create(Dictionary<string, CelType> variables) => CelEnvironment.Create(new CelEnvironmentOptions
    {
        Variables = variables,
        Libraries = KubernetesLibraries,
        CostLimit = CelValidationLimits.PerCallLimit,
    });

    private static JsonObject WithTypeAndObjectMeta(JsonObject root)
    {
        var copy = (JsonObject)root.DeepClone();
        var properties = copy["properties"] as JsonObject ?? [];
        copy["properties"] = properties;
        copy["type"] = "object";
        properties["apiVersion"] = new JsonObject { ["type"] = "string" };
        properties["kind"] = new JsonObject { ["type"] = "string" };
        properties["metadata"] = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["name"] = new JsonObject { ["type"] = "string" },
                ["generateName"] = new JsonObject { ["type"] = "string" },
            },
        };
        return copy;
    }
}
