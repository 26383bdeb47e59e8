using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Errors;
using OciOperator.Sandbox.Kube.Resources;
using OciOperator.Sandbox.Kube.Selectors;

namespace OciOperator.Sandbox.Kube.Http;

/// <summary>Field selectors checked against the field labels a resource supports.</summary>
internal static class ResourceFieldSelectors
{
    public static FieldSelector Parse(ResourceDescriptor d, string? text)
    {
        var selector = FieldSelector.Parse(text);
        foreach (var (field, _, _) in selector.Terms)
        {
            if (d.FieldLabels.Supports(field))
            {
                continue;
            }

            throw ApiErrors.BadRequest(d.FieldLabels.Unsupported(field));
        }

        return selector;
    }

    /// <summary>A field label's value on a stored object (labels were checked by <see cref="Parse"/>).</summary>
    public static string Resolve(ResourceDescriptor d, JsonObject stored, string field) => d.FieldLabels.Read(stored, field);
}
