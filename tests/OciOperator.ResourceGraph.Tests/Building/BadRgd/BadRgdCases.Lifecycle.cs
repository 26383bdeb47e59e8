using OciOperator.ResourceGraph.Diagnostics;
using static OciOperator.ResourceGraph.Tests.Building.BadRgd.BadRgdCase;

namespace OciOperator.ResourceGraph.Tests.Building.BadRgd;

/// <summary>kro v0.10's resource lifecycle fields and instance-name rules: deletionPolicy, externalFields, nameValidation.</summary>
internal static partial class BadRgdCases
{
    private const string ExternalRefWidget = "- id: w\n  externalRef: {apiVersion: test.kro.dev/v1, kind: Widget, metadata: {name: a}}\n";

    /// <summary>A Widget whose template carries the <c>kro.run/deletion-policy</c> annotation with <paramref name="value"/> (YAML).</summary>
    private static string AnnotatedWidget(string value, string extra = "") =>
        "- id: w\n" + extra + "  template:\n    apiVersion: test.kro.dev/v1\n    kind: Widget\n"
        + "    metadata:\n      name: ${schema.metadata.name}-w\n      annotations:\n        kro.run/deletion-policy: " + value + "\n"
        + "    spec:\n      name: ${schema.spec.name}\n";

    public static IEnumerable<TestCaseData> Lifecycle()
    {
        yield return Of("deletion-policy annotation not an enum value", Rgd(AnnotatedWidget("Retain")),
            "resource \"w\": invalid annotation kro.run/deletion-policy: Unsupported value: \"Retain\": supported values: \"Delete\", \"Orphaned\"", B, "w");
        yield return Of("deletion-policy annotation in the wrong case", Rgd(AnnotatedWidget("orphaned")),
            "Unsupported value: \"orphaned\"", B, "w");
        yield return Of("deletion-policy annotation not a string", Rgd(AnnotatedWidget("true")),
            "resource \"w\": invalid annotation kro.run/deletion-policy: expected a string, got bool", B, "w");
        yield return Of("deletion-policy annotation an expression", Rgd(AnnotatedWidget("'${schema.spec.name}'")),
            "invalid annotation kro.run/deletion-policy \"${schema.spec.name}\": the deletion policy must be static", B, "w");
        yield return Of("deletion-policy annotation with an embedded expression", Rgd(AnnotatedWidget("'Orph${\"aned\"}'")),
            "the deletion policy must be static", B, "w");
        yield return Of("deletion-policy annotation disagrees with the field", Rgd(AnnotatedWidget("Orphaned", "  deletionPolicy: Delete\n")),
            "resource \"w\": deletionPolicy \"Delete\" conflicts with annotation kro.run/deletion-policy \"Orphaned\"", B, "w");
        yield return Of("deletionPolicy not an enum value", Rgd(Widget("w", extra: "deletionPolicy: Retain")),
            "Unsupported value: \"Retain\": supported values: \"Delete\", \"Orphaned\"", A, "w");
        yield return Of("deletionPolicy on an externalRef", Rgd(ExternalRefWidget + "  deletionPolicy: Orphaned"),
            "deletionPolicy is only valid on resources with a template", A, "w");
        yield return Of("externalFields on an externalRef", Rgd(ExternalRefWidget + "  externalFields: [spec.replicas]"),
            "externalFields is only valid on resources with a template", A, "w");
        yield return Of("externalFields not a list", Rgd(Widget("w", extra: "externalFields: spec.name")), "must be a list of strings", A, "w");
        yield return Of("externalFields path missing from the template", Rgd(Widget("w", extra: "externalFields: [spec.replicas]")),
            "invalid externalFields path \"spec.replicas\": path does not exist in the template (no key \"replicas\" under spec)", B, "w");
        yield return Of("externalFields path through a list", Rgd(Widget("w", spec: "tags: [a, b]", extra: "externalFields: [spec.tags.first]")),
            "invalid externalFields path \"spec.tags.first\": path crosses a list at spec.tags", B, "w");
        yield return Of("externalFields path through a scalar", Rgd(Widget("w", extra: "externalFields: [spec.name.first]")),
            "invalid externalFields path \"spec.name.first\": path does not exist in the template (spec.name is not a map)", B, "w");
        yield return Of("externalFields empty segment", Rgd(Widget("w", extra: "externalFields: [spec..name]")),
            "must be a dotted path of map keys", B, "w");
        yield return Of("externalFields identity", Rgd(Widget("w", extra: "externalFields: [metadata.name]")),
            "the object's identity cannot be handed to another controller", B, "w");
        yield return Of("externalFields duplicate", Rgd(Widget("w", extra: "externalFields: [spec.name, spec.name]")),
            "duplicate externalFields path \"spec.name\"", B, "w");
        yield return Of("nameValidation with a type", Rgd(Widget("w"), Schema(extra: "metadata: {nameValidation: 'string | maxLength=3'}")),
            "nameValidation takes markers only", A);
        yield return Of("nameValidation not a string", Rgd(Widget("w"), Schema(extra: "metadata: {nameValidation: {maxLength: 3}}")),
            "nameValidation must be a string of markers", A);
        yield return Of("nameValidation with an unsupported marker", Rgd(Widget("w"), Schema(extra: "metadata: {nameValidation: 'required=true'}")),
            "marker required is not supported in nameValidation", A);
    }
}
