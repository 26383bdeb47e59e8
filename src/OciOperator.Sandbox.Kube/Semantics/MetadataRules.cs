using System.Globalization;
using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Schema;
using OciOperator.Sandbox.Kube.Storage;

namespace OciOperator.Sandbox.Kube.Semantics;

/// <summary>ObjectMeta validation shared by every kind (apimachinery <c>pkg/api/validation/objectmeta.go</c>).</summary>
internal static class MetadataRules
{
    public static void Validate(JsonObject obj, JsonObject? old, List<FieldError> errors)
    {
        var meta = ObjectMeta.Metadata(obj);
        if (meta is null)
        {
            return;
        }

        NameValidation.Labels(meta["labels"] as JsonObject, errors);
        NameValidation.AnnotationKeys(meta["annotations"] as JsonObject, errors);
        OwnerReferences(meta["ownerReferences"], errors);
        if (meta["finalizers"] is { } finalizers && finalizers is not JsonArray)
        {
            errors.Add(FieldError.TypeInvalid("metadata.finalizers", null, "must be a list of strings"));
        }

        if (old is not null && ObjectMeta.IsDeleting(old))
        {
            var before = ObjectMeta.Finalizers(old).ToHashSet(StringComparer.Ordinal);
            var added = ObjectMeta.Finalizers(obj).Where(f => !before.Contains(f)).ToList();
            if (added.Count > 0)
            {
                var list = string.Join(", ", added.Select(a => "\"" + a + "\""));
                errors.Add(FieldError.Forbidden("metadata.finalizers", $"no new finalizers can be added if the object is being deleted, found new finalizers []string{{{list}}}"));
            }
        }
    }

    private static void OwnerReferences(JsonNode? node, List<FieldError> errors)
    {
        if (node is null)
        {
            return;
        }

        if (node is not JsonArray refs)
        {
            errors.Add(FieldError.TypeInvalid("metadata.ownerReferences", null, "must be a list"));
            return;
        }

        var controllers = new List<string>();
        for (var i = 0; i < refs.Count; i++)
        {
            var path = "metadata.ownerReferences[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            if (refs[i] is not JsonObject r)
            {
                errors.Add(FieldError.TypeInvalid(path, null, "must be an object"));
                continue;
            }

            foreach (var field in new[] { "apiVersion", "kind", "name", "uid" })
            {
                if (r[field] is not JsonValue v || !v.TryGetValue<string>(out var s) || s.Length == 0)
                {
                    errors.Add(FieldError.Invalid(path + "." + field, "", $"{field} must not be empty"));
                }
            }

            if (r["controller"] is JsonValue c && c.TryGetValue<bool>(out var isController) && isController)
            {
                controllers.Add($"{r["kind"]}/{r["name"]}");
            }
        }

        if (controllers.Count > 1)
        {
            errors.Add(FieldError.Invalid("metadata.ownerReferences", null,
                "Only one reference can have Controller set to true. Found \"true\" in references for " + string.Join(" and ", controllers)));
        }
    }
}
