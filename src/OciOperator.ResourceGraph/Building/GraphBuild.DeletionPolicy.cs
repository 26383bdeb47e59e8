using System.Text.Json;
using System.Text.Json.Nodes;
using OciOperator.ResourceGraph.Api;
using OciOperator.ResourceGraph.Diagnostics;
using OciOperator.ResourceGraph.Expressions;
using OciOperator.ResourceGraph.Graph;

namespace OciOperator.ResourceGraph.Building;

/// <summary>
/// Stage 2b: a template resource's deletion policy, from <c>resources[].deletionPolicy</c> (validated by
/// <see cref="RgdReader"/>) or from the template annotation <see cref="DeletionPolicyAnnotation.Key"/> (kro's current
/// form). The annotation must be a literal <c>Delete</c> or <c>Orphaned</c> — the policy is static — and, when both
/// forms are given, they must agree.
/// </summary>
internal sealed partial class GraphBuild
{
    private const string PolicyValues = "supported values: \"Delete\", \"Orphaned\"";

    private void ReadDeletionPolicy(ResourceDraft draft, JsonObject obj)
    {
        var field = draft.Resource.DeletionPolicy;
        draft.DeletionPolicy = field;
        if (draft.Kind != NodeKind.Template
            || obj["metadata"]?["annotations"] is not JsonObject annotations
            || !annotations.TryGetPropertyValue(DeletionPolicyAnnotation.Key, out var node))
        {
            return;
        }

        var where = $"metadata.annotations.{DeletionPolicyAnnotation.Key}";
        var prefix = $"resource \"{draft.Id}\": invalid annotation {DeletionPolicyAnnotation.Key}";
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            _errors.Add(GraphErrorGroup.Naming, draft.Id, where, $"{prefix}: expected a string, got {Describe(node)}; {PolicyValues}");
            return;
        }

        var text = value.GetValue<string>();
        var scanned = ExpressionScanner.Scan(text);
        if (scanned.HasExpressions || scanned.Error is not null)
        {
            _errors.Add(GraphErrorGroup.Naming, draft.Id, where,
                $"{prefix} \"{text}\": the deletion policy must be static, expressions are not allowed; {PolicyValues}");
            return;
        }

        var annotated = text switch
        {
            nameof(RgdDeletionPolicy.Delete) => RgdDeletionPolicy.Delete,
            nameof(RgdDeletionPolicy.Orphaned) => RgdDeletionPolicy.Orphaned,
            _ => RgdDeletionPolicy.Unset,
        };
        if (annotated == RgdDeletionPolicy.Unset)
        {
            _errors.Add(GraphErrorGroup.Naming, draft.Id, where, $"{prefix}: Unsupported value: \"{text}\": {PolicyValues}");
            return;
        }

        if (field != RgdDeletionPolicy.Unset && field != annotated)
        {
            _errors.Add(GraphErrorGroup.Naming, draft.Id, where,
                $"resource \"{draft.Id}\": deletionPolicy \"{field}\" conflicts with annotation {DeletionPolicyAnnotation.Key} \"{text}\": give the policy once, or the same value in both");
            return;
        }

        draft.DeletionPolicy = annotated;
    }
}
