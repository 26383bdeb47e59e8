using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Schema;
using OciOperator.Sandbox.Kube.Storage;
using static OciOperator.Sandbox.Kube.Semantics.JsonDefaults;

namespace OciOperator.Sandbox.Kube.Semantics;

/// <summary>core/v1 Namespace: the <c>kubernetes.io/metadata.name</c> label, the <c>kubernetes</c> finalizer, phase Active; spec is kept on update.</summary>
internal sealed class NamespaceStrategy : IKindStrategy
{
    public void PrepareForCreate(JsonObject obj, List<FieldError> errors)
    {
        var name = ObjectMeta.NameOf(obj);
        var labels = ObjectMeta.EnsureMetadata(obj)["labels"] as JsonObject ?? [];
        labels["kubernetes.io/metadata.name"] = name;
        ObjectMeta.EnsureMetadata(obj)["labels"] = labels;
        Child(obj, "spec")["finalizers"] = new JsonArray("kubernetes");
        obj["status"] = new JsonObject { ["phase"] = "Active" };
    }

    public void PrepareForUpdate(JsonObject obj, JsonObject old, List<FieldError> errors)
    {
        var labels = ObjectMeta.EnsureMetadata(obj)["labels"] as JsonObject ?? [];
        labels["kubernetes.io/metadata.name"] = ObjectMeta.NameOf(obj);
        ObjectMeta.EnsureMetadata(obj)["labels"] = labels;
        obj["spec"] = old["spec"]?.DeepClone();
    }
}
