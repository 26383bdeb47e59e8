using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Errors;
using OciOperator.Sandbox.Kube.Resources;
using OciOperator.Sandbox.Kube.Schema;
using OciOperator.Sandbox.Kube.Storage;

namespace OciOperator.Sandbox.Kube.Http;

/// <summary>Custom resources: prune, then default, then validate against the CRD version's structural schema (§9.3).</summary>
internal static class CustomResourceAdmission
{
    public static void Admit(ResourceDescriptor d, JsonObject obj, RequestOptions options)
    {
        if (!d.IsCustom || d.Schema is null)
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
        var errors = SchemaValidator.Validate(obj, d.Schema);
        if (errors.Count > 0)
        {
            throw ApiErrors.Invalid(d, ObjectMeta.NameOf(obj), errors);
        }
    }
}
