namespace OciOperator.ResourceGraph.Schemas;

/// <summary>
/// Asks each resolver in turn: the first <see cref="ResourceSchemaStatus.Found"/> wins; otherwise a
/// <see cref="ResourceSchemaStatus.WaitingForCrd"/> beats <see cref="ResourceSchemaStatus.NotFound"/> only when no
/// resolver knows the group as built-in.
/// </summary>
public sealed class CombinedSchemaResolver(params IResourceSchemaResolver[] resolvers) : IResourceSchemaResolver
{
    public ResourceSchemaLookup Resolve(GroupVersionKind gvk)
    {
        ResourceSchemaLookup? best = null;
        foreach (var resolver in resolvers)
        {
            var lookup = resolver.Resolve(gvk);
            if (lookup.Status == ResourceSchemaStatus.Found)
            {
                return lookup;
            }

            if (best is null || (best.Status == ResourceSchemaStatus.WaitingForCrd && lookup.Status == ResourceSchemaStatus.NotFound))
            {
                best = lookup;
            }
        }

        return best ?? ResourceSchemaLookup.NotFound("no schema resolver");
    }
}
