using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Schema;
using OciOperator.Sandbox.Kube.Selectors;

namespace OciOperator.Sandbox.Kube.Resources;

/// <summary>Everything the server knows about one served resource (one group/version/plural).</summary>
internal sealed record ResourceDescriptor
{
    public static readonly IReadOnlyList<string> AllVerbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

    public required string Group { get; init; }

    public required string Version { get; init; }

    public required string Plural { get; init; }

    public required string Singular { get; init; }

    public required string Kind { get; init; }

    public string ListKind => Kind + "List";

    public required bool Namespaced { get; init; }

    public IReadOnlyList<string> ShortNames { get; init; } = [];

    public IReadOnlyList<string> Categories { get; init; } = [];

    public IReadOnlyList<string> Verbs { get; init; } = AllVerbs;

    public bool HasStatus { get; init; }

    public bool IsCustom { get; init; }

    public GenerationPolicy Generation { get; init; }

    public NameRule NameRule { get; init; } = NameRule.Subdomain;

    /// <summary>Set when the kind serves <c>/scale</c> (autoscaling/v1 Scale).</summary>
    public ScalePaths? Scale { get; init; }

    /// <summary>A review kind (SelfSubjectAccessReview, ...): only created, answered at once, never stored.</summary>
    public bool IsReview { get; init; }

    /// <summary>PUT without metadata.resourceVersion is applied to the current object (false → 422).</summary>
    public bool AllowUnconditionalUpdate { get; init; } = true;

    /// <summary>PUT of a missing object creates it (Lease, Event).</summary>
    public bool AllowCreateOnUpdate { get; init; }

    /// <summary>An immediate DELETE answers with the deleted object rather than a Status.</summary>
    public bool ReturnDeletedObject { get; init; }

    /// <summary>The field-selector labels the resource accepts and how each reads a stored object.</summary>
    public FieldLabels FieldLabels { get; init; } = FieldLabels.Metadata;

    /// <summary>
    /// Set when the objects live in another resource's storage and are converted on every read and write
    /// (events.k8s.io/v1 Events are core/v1 Events).
    /// </summary>
    public string? SharedStorageKey { get; init; }

    /// <summary>The CRD version's openAPIV3Schema (custom resources only).</summary>
    public JsonObject? OpenApiSchema { get; init; }

    /// <summary>The parsed structural schema (custom resources only).</summary>
    public StructuralSchema? Schema { get; init; }

    /// <summary>The compiled <c>x-kubernetes-validations</c> of the version (custom resources only), compiled on first use.</summary>
    public Lazy<Validation.SchemaRules?>? ValidationRules { get; init; }

    /// <summary>The CRD version's additionalPrinterColumns (custom resources only).</summary>
    public JsonArray? PrinterColumns { get; init; }

    /// <summary>The CRD's name when the kind is custom.</summary>
    public string? CrdName { get; init; }

    /// <summary>Where objects live: shared by every version of the kind.</summary>
    public string StorageKey => SharedStorageKey ?? Group + "/" + Plural;

    public string ApiVersion => Group.Length == 0 ? Version : Group + "/" + Version;

    /// <summary><c>plural.group</c> (core: <c>plural</c>), as error messages print the resource.</summary>
    public string QualifiedResource => Group.Length == 0 ? Plural : Plural + "." + Group;

    /// <summary><c>Kind.group</c> (core: <c>Kind</c>), as Invalid messages print the kind.</summary>
    public string QualifiedKind => Group.Length == 0 ? Kind : Kind + "." + Group;
}
