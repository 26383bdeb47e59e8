namespace OciOperator.ResourceGraph.SimpleSchema;

/// <summary>
/// Orders custom types so every type comes after the types it uses (depth-first, names in ordinal order so the
/// result is deterministic). A cycle is reported as kro's DAG does: <c>graph contains a cycle: A -> B -> A</c>.
/// </summary>
internal static class TypeOrder
{
    public static IReadOnlyList<string> Sort(IReadOnlyDictionary<string, IReadOnlyList<string>> dependencies)
    {
        var order = new List<string>(dependencies.Count);
        var done = new HashSet<string>(StringComparer.Ordinal);
        var stack = new List<string>();
        foreach (var name in dependencies.Keys.Order(StringComparer.Ordinal))
        {
            Visit(name, dependencies, done, stack, order);
        }

        return order;
    }

    private static void Visit(
        string name,
        IReadOnlyDictionary<string, IReadOnlyList<string>> dependencies,
        HashSet<string> done,
        List<string> stack,
        List<string> order)
    {
        if (done.Contains(name))
        {
            return;
        }

        var onStack = stack.IndexOf(name);
        if (onStack >= 0)
        {
            var cycle = stack.Skip(onStack).Append(name).ToList();
            throw new SimpleSchemaException(
                $"cyclic dependency in type {cycle[0]}: graph contains a cycle: {string.Join(" -> ", cycle)}");
        }

        stack.Add(name);
        foreach (var dependency in dependencies[name].Distinct().Order(StringComparer.Ordinal))
        {
            Visit(dependency, dependencies, done, stack, order);
        }

        stack.RemoveAt(stack.Count - 1);
        done.Add(name);
        order.Add(name);
    }
}
