using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Patching;
using OciOperator.Sandbox.Kube.Resources;

namespace OciOperator.Sandbox.Kube.Http;

/// <summary>Managed fields of Update operations, and the list types they are computed with.</summary>
internal sealed partial class ObjectWriter
{
    public static ListTypeResolver ListTypes(ResourceDescriptor d) =>
        d.IsCustom
            ? BuiltInListTypes.WithObjectMeta(SchemaListTypes.FromSchema(d.OpenApiSchema))
            : BuiltInListTypes.For(d.ApiVersion, d.Kind);

    public void RecordManagedFields(ResourceDescriptor d, JsonObject? old, JsonObject obj, string manager, string? subresource)
    {
        var fields = ManagedFieldsTracker.RecordUpdate(old, obj, manager, "Update", time.GetUtcNow(), d.ApiVersion, subresource, ListTypes(d));
        var meta = (JsonObject)obj["metadata"]!;
        if (fields.Count == 0)
        {
            meta.Remove("managedFields");
        }
        else
        {
            meta["managedFields"] = fields;
        }
    }
}
