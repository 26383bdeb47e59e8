using System.Text.Json.Nodes;

namespace OciOperator.Sandbox.Kube.Patching;

/// <summary>
/// Which part of an object a write may own: <c>/status</c> only <c>.status</c>; the main resource of a kind with the
/// status subresource everything but <c>.status</c>; otherwise everything.
/// </summary>
internal readonly record struct ApplyScope(string? Subresource, bool HasStatusSubresource)
{
    private const string StatusField = "f:status";

    private bool IsStatus => string.Equals(Subresource, "status", StringComparison.Ordinal);

    public bool Contains(FieldPath path)
    {
        var top = path.Length > 0 ? path.Elements[0] : string.Empty;
        if (IsStatus)
        {
            return top == StatusField;
        }

        return !HasStatusSubresource || top != StatusField;
    }

    /// <summary>A copy of an apply configuration cut to this scope.</summary>
    public JsonObject Restrict(JsonObject applied)
    {
        var copy = (JsonObject)applied.DeepClone();
        if (IsStatus)
        {
            foreach (var name in copy.Select(p => p.Key).Where(k => k is not ("apiVersion" or "kind" or "status")).ToList())
            {
                copy.Remove(name);
            }
        }
        else if (HasStatusSubresource)
        {
            copy.Remove("status");
        }

        return copy;
    }
}
