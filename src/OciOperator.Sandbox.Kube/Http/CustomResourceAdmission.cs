using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Errors;
using OciOperator.Sandbox.Kube.Resources;
using OciOperator.Sandbox.Kube.Schema;
using OciOperator.Sandbox.Kube.Storage;
using OciOperator.Sandbox.Kube.Validation;

namespace OciOperator.Sandbox.Kube.Http;

/// <summary>
/// Custom resources: prune, then default, then validate against the CRD version's structural schema, then its
/// <c>x-kubernetes-validations</c> rules (§9.3); <paramref name="old"/> is the current object on update.
/// </summary>
internal static class CustomResourceAdmission
{
    public static void Admit(ResourceDescriptor d, JsonObject obj, RequestOptions options, JsonObject? old = null)
    {
        if (!d.IsCustom)
        {
            BuiltIns.BuiltInAdmission.Admit(d, obj, options);
            return;
        }

        if (d.Schema is null)
        {
            return;
        }

        var unknown = SchemaPruner.Prune(obj, d.Schema);
        if (unknown.Count > 0)
        {
            switch (options.FieldValidation)
            {
                case FieldValidationMode.Strict:
                    var list = string.Join(", ", unknown.Select(u => $"unknown field \"{u}\""));
                    throw ApiErrors.BadRequest($"{d.Kind} in version \"{d.Version}\" cannot be handled as a {d.Kind}: strict decoding error: {list}");
                case FieldValidationMode.Warn:
                    options.Warnings.AddRange(unknown.Select(u => $"unknown field \"{u}\""));
                    break;
            }
        }

        SchemaDefaulter.ApplyDefaults(obj, d.Schema);
        var errors = SchemaValidator.Validate(obj, d.Schema).ToList();
        if (d.ValidationRules?.Value is { } rules)
        {
            if (errors.Any(e => e.Type == FieldErrorTypes.TypeInvalid))
            {
                // Rules would see values of the wrong type: the apiserver skips them and says so.
                errors.Add(FieldError.Invalid("<nil>", null, "some validation rules were not checked because the object was invalid; correct the existing errors to complete validation"));
            }
            else
            {
                var (ruleErrors, warnings) = RuleValidator.Validate(rules, obj, old);
                errors.AddRange(ruleErrors);
                options.Warnings.AddRange(warnings);
            }
        }

        if (errors.Count > 0)
        {
            throw ApiErrors.Invalid(d, ObjectMeta.NameOf(obj), errors);
        }
    }
}
