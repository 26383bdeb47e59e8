namespace OciOperator.ResourceGraph.Schemas;

/// <summary>A Kubernetes group, version and kind (the core group is the empty string).</summary>
public readonly record struct GroupVersionKind(string Group, string Version, string Kind)
{
    /// <summary>The <c>apiVersion</c> field value: <c>v1</c> for the core group, else <c>group/version</c>.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>Splits an <c>apiVersion</c> the way <c>schema.ParseGroupVersion</c> does; null when malformed.</summary>
    public static GroupVersionKind? Parse(string apiVersion, string kind)
    {
        ArgumentNullException.ThrowIfNull(apiVersion);
        var parts = apiVersion.Split('/');
        return parts switch
        {
            [var v] when v.Length > 0 => new GroupVersionKind(string.Empty, v, kind),
            [var g, var v] when g.Length > 0 && v.Length > 0 => new GroupVersionKind(g, v, kind),
            _ => null,
        };
    }

    public override string ToString() => $"{ApiVersion}, Kind={Kind}";
}
