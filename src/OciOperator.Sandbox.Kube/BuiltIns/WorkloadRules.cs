using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Schema;
using OciOperator.Sandbox.Kube.Semantics;
using OciOperator.Sandbox.Kube.Resources;

namespace OciOperator.Sandbox.Kube.BuiltIns;

/// <summary>
/// The validation rules of built-in workloads that users hit first (<c>k8s: pkg/apis/apps/validation</c>,
/// <c>pkg/apis/batch/validation</c>, <c>pkg/apis/core/validation</c>): a selector that is required and matches the pod
/// template's labels, containers with a name and an image, and a Job's restart policy.
/// </summary>
internal static class WorkloadRules
{
    private static readonly string[] JobRestartPolicies = ["OnFailure", "Never"];
    private static readonly string[] RestartPolicies = ["Always", "OnFailure", "Never"];

    public static void Validate(string group, string kind, JsonObject obj, List<FieldError> errors)
    {
        var spec = obj["spec"] as JsonObject;
        switch (group, kind)
        {
            case ("apps", "Deployment" or "ReplicaSet" or "StatefulSet" or "DaemonSet"):
                Selector(spec, errors);
                PodSpec(spec?["template"]?["spec"] as JsonObject, "spec.template.spec", errors);
                break;
            case ("batch", "Job"):
                JobTemplate(spec, "spec", errors);
                break;
            case ("batch", "CronJob"):
                JobTemplate(spec?["jobTemplate"]?["spec"] as JsonObject, "spec.jobTemplate.spec", errors);
                break;
            case ("", "Pod"):
                PodSpec(spec, "spec", errors);
                break;
            case ("", "ReplicationController"):
                PodSpec(spec?["template"]?["spec"] as JsonObject, "spec.template.spec", errors);
                break;
        }
    }

    /// <summary>apps/v1: <c>spec.selector</c> required, non-empty, and selecting the template's labels.</summary>
    private static void Selector(JsonObject? spec, List<FieldError> errors)
    {
        var labels = spec?["template"]?["metadata"]?["labels"] as JsonObject;
        if (spec?["selector"] is not JsonObject selector)
        {
            errors.Add(FieldError.Required("spec.selector"));
            errors.Add(new FieldError(FieldErrorTypes.Invalid, "spec.template.metadata.labels", "`selector` does not match template `labels`", null) { RawBadValue = GoStringMap(labels) });
            return;
        }

        var matchLabels = selector["matchLabels"] as JsonObject;
        var expressions = selector["matchExpressions"] as JsonArray;
        if ((matchLabels is null || matchLabels.Count == 0) && (expressions is null || expressions.Count == 0))
        {
            errors.Add(new FieldError(FieldErrorTypes.Invalid, "spec.selector", "empty selector is invalid for deployment", null)
            {
                RawBadValue = "v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}",
            });
            return;
        }

        if (!Matches(matchLabels, expressions, labels))
        {
            errors.Add(new FieldError(FieldErrorTypes.Invalid, "spec.template.metadata.labels", "`selector` does not match template `labels`", null) { RawBadValue = GoStringMap(labels) });
        }
    }

    private static bool Matches(JsonObject? matchLabels, JsonArray? expressions, JsonObject? labels)
    {
        string? Label(string key) => labels?[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        foreach (var (key, value) in matchLabels ?? [])
        {
            if (Label(key) != (value as JsonValue)?.ToString())
            {
                return false;
            }
        }

        foreach (var expression in (expressions ?? []).OfType<JsonObject>())
        {
            var key = expression["key"]?.ToString() ?? "";
            var values = (expression["values"] as JsonArray ?? []).Select(v => v?.ToString()).ToList();
            var actual = Label(key);
            var ok = expression["operator"]?.ToString() switch
            {
                "In" => actual is not null && values.Contains(actual),
                "NotIn" => actual is null || !values.Contains(actual),
                "Exists" => actual is not null,
                "DoesNotExist" => actual is null,
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static void JobTemplate(JsonObject? jobSpec, string path, List<FieldError> errors)
    {
        var podSpec = jobSpec?["template"]?["spec"] as JsonObject;
        PodSpec(podSpec, path + ".template.spec", errors, validateRestartPolicy: false);
        var policy = podSpec?["restartPolicy"]?.ToString() ?? "Always";
        if (!JobRestartPolicies.Contains(policy, StringComparer.Ordinal))
        {
            errors.Add(FieldError.NotSupported(path + ".template.spec.restartPolicy", JsonValue.Create(policy), JobRestartPolicies));
        }
    }

    /// <summary>Containers (required, each with a name and an image) and the restart policy of a pod spec.</summary>
    private static void PodSpec(JsonObject? podSpec, string path, List<FieldError> errors, bool validateRestartPolicy = true)
    {
        if (podSpec?["containers"] is not JsonArray { Count: > 0 } containers)
        {
            errors.Add(FieldError.Required(path + ".containers"));
        }
        else
        {
            Containers(containers, path + ".containers", requireImage: true, errors);
        }

        if (podSpec?["initContainers"] is JsonArray init)
        {
            Containers(init, path + ".initContainers", requireImage: true, errors);
        }

        if (validateRestartPolicy && podSpec?["restartPolicy"] is JsonValue policy && policy.TryGetValue<string>(out var p) && !RestartPolicies.Contains(p, StringComparer.Ordinal))
        {
            errors.Add(FieldError.NotSupported(path + ".restartPolicy", JsonValue.Create(p), RestartPolicies));
        }
    }

    private static void Containers(JsonArray containers, string path, bool requireImage, List<FieldError> errors)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < containers.Count; i++)
        {
            var itemPath = FieldPaths.Index(path, i);
            var container = containers[i] as JsonObject;
            var name = container?["name"] is JsonValue n && n.TryGetValue<string>(out var s) ? s : "";
            if (name.Length == 0)
            {
                errors.Add(FieldError.Required(itemPath + ".name"));
            }
            else if (!names.Add(name))
            {
                errors.Add(FieldError.Duplicate(itemPath + ".name", JsonValue.Create(name)));
            }
            else
            {
                errors.AddRange(NameValidation.Name(name, NameRule.Label, itemPath + ".name"));
            }

            var image = container?["image"] is JsonValue im && im.TryGetValue<string>(out var t) ? t : "";
            if (requireImage && image.Trim().Length == 0)
            {
                errors.Add(FieldError.Required(itemPath + ".image"));
            }
        }
    }

    /// <summary>Go's <c>%#v</c> of a <c>map[string]string</c> (keys sorted).</summary>
    private static string GoStringMap(JsonObject? map)
    {
        if (map is null)
        {
            return "map[string]string(nil)";
        }

        var entries = map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => GoFormat.Quote(p.Key) + ":" + GoFormat.Quote(p.Value?.ToString() ?? ""));
        return "map[string]string{" + string.Join(", ", entries) + "}";
    }
}
