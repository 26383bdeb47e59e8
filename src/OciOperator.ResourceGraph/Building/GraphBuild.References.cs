using OciOperator.ResourceGraph.Dag;
using OciOperator.ResourceGraph.Diagnostics;
using OciOperator.ResourceGraph.Expressions;
using OciOperator.ResourceGraph.Graph;

namespace OciOperator.ResourceGraph.Building;

/// <summary>
/// Stage 3: what each expression reads (kro.md §4.3–4.4): unknown identifiers and functions per place, self
/// references, runtime and omit() rules, forEach iterator independence and identity; then the DAG and its order.
/// </summary>
internal sealed partial class GraphBuild
{
    private const string Schema = "schema";
    private const string Runtime = "runtime";
    private const string Each = "each";

    /// <summary>Every name that may be a variable somewhere in this RGD (set once all resources are read).</summary>
    private HashSet<string>? _variableNames;

    private void ResolveReferences(ResourceDraft draft)
    {
        var iterators = draft.Resource.ForEach.Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var expression in draft.AllExpressions)
        {
            if (!Inspect(expression, draft.Id, out var inspection))
            {
                continue;
            }

            var allowed = AllowedIdentifiers(expression, draft, iterators);
            var unknown = new List<string>();
            var otherIterators = new List<string>();
            foreach (var name in inspection.Identifiers)
            {
                if (name == draft.Id && expression.Place == ExpressionPlace.Template)
                {
                    Report(GraphErrorGroup.Dependency, draft.Id, expression, "self references are not allowed");
                }
                else if (name == Runtime && expression.Place is ExpressionPlace.Template or ExpressionPlace.ForEach)
                {
                    Report(GraphErrorGroup.Dependency, draft.Id, expression, "runtime is only available in status.conditions expressions");
                }
                else if (expression.Place == ExpressionPlace.ForEach && iterators.Contains(name))
                {
                    otherIterators.Add(name);
                }
                else if (!allowed(name))
                {
                    unknown.Add(name);
                }
                else if (_byId.ContainsKey(name) && !expression.References.Contains(name))
                {
                    expression.References.Add(name);
                }
            }

            if (otherIterators.Count > 0)
            {
                Report(GraphErrorGroup.Dependency, draft.Id, expression,
                    $"node \"{draft.Id}\": forEach iterator \"{expression.Dimension}\" cannot reference other iterators [{string.Join(" ", otherIterators)}] - forEach iterators are independent (cartesian product)");
            }

            if (unknown.Count > 0)
            {
                var prefix = expression.Place switch
                {
                    ExpressionPlace.IncludeWhen => $"resource \"{draft.Id}\" includeWhen: ",
                    ExpressionPlace.ReadyWhen => $"resource \"{draft.Id}\" readyWhen: ",
                    _ => string.Empty,
                };
                Report(GraphErrorGroup.Dependency, draft.Id, expression,
                    $"{prefix}references unknown identifiers: [{string.Join(" ", unknown)}]");
            }

            CheckFunctions(expression, draft.Id, inspection);
            if (expression.Place is ExpressionPlace.Template or ExpressionPlace.IncludeWhen or ExpressionPlace.ForEach)
            {
                foreach (var reference in expression.References)
                {
                    if (reference != draft.Id && !draft.Dependencies.Contains(reference))
                    {
                        draft.Dependencies.Add(reference);
                    }
                }
            }
        }

        CheckIdentity(draft, iterators);
    }

    /// <summary>Parses an expression and finds what it reads; reports a syntax error (once) and returns false.</summary>
    private bool Inspect(DraftExpression expression, string? resourceId, out ExpressionInspection inspection)
    {
        inspection = null!;
        var parsed = _environments.Parser.Parse(expression.Cel);
        if (parsed.Ast is null || parsed.Issues.Count > 0)
        {
            Report(GraphErrorGroup.TypeCheck, resourceId, expression, CompileFailure(expression, resourceId, string.Join("\n", parsed.Issues)));
            return false;
        }

        expression.Ast = parsed.Ast;
        _variableNames ??= _byId.Keys.Append(Schema).Append(Each).Concat(_drafts.SelectMany(d => d.Resource.ForEach.Select(f => f.Name)))
            .ToHashSet(StringComparer.Ordinal);
        inspection = ExpressionInspector.Inspect(parsed.Ast, CelEnvironments.AllFunctionNames, _variableNames);
        expression.Identifiers = inspection.Identifiers;
        return true;
    }

    private void CheckFunctions(DraftExpression expression, string? resourceId, ExpressionInspection inspection)
    {
        if (inspection.UnknownFunctions.Count > 0)
        {
            Report(GraphErrorGroup.Dependency, resourceId, expression, $"uses unknown functions: [{string.Join(" ", inspection.UnknownFunctions)}]");
        }

        if (!inspection.UsesOmit)
        {
            return;
        }

        if (expression.Place != ExpressionPlace.Template)
        {
            var prefix = expression.Place == ExpressionPlace.ForEach ? $"node \"{resourceId}\": forEach iterator \"{expression.Dimension}\": " : string.Empty;
            Report(GraphErrorGroup.Dependency, resourceId, expression, prefix + "omit() can only be used in resource template expressions");
        }
        else if (!options.EnableOmit)
        {
            Report(GraphErrorGroup.Dependency, resourceId, expression, "omit() requires the CELOmitFunction feature gate to be enabled");
        }
        else if (expression.Path.ToString() is "metadata.name" or "metadata.namespace")
        {
            Report(GraphErrorGroup.Dependency, resourceId, expression,
                $"resource \"{resourceId}\": omit() cannot be used at path \"{expression.Path}\" — the field is required and must resolve to a concrete value");
        }
    }

    private Func<string, bool> AllowedIdentifiers(DraftExpression expression, ResourceDraft draft, HashSet<string> iterators) => expression.Place switch
    {
        ExpressionPlace.Template => name => name == Schema || _byId.ContainsKey(name) || iterators.Contains(name),
        ExpressionPlace.IncludeWhen or ExpressionPlace.ForEach => name => name == Schema || (_byId.ContainsKey(name) && name != draft.Id),
        ExpressionPlace.ReadyWhen => name => draft.Resource.IsCollection ? name == Each : name == draft.Id,
        _ => name => name == Schema || _byId.ContainsKey(name),
    };

    /// <summary>A collection's every iterator must feed its name (or namespace) so each item is a distinct object.</summary>
    private void CheckIdentity(ResourceDraft draft, HashSet<string> iterators)
    {
        if (iterators.Count == 0 || draft.Kind != NodeKind.Template || _errors.Items.Any(e => e.ResourceId == draft.Id && e.Group == GraphErrorGroup.Naming))
        {
            return;
        }

        var used = draft.Fields
            .Where(f => f.Path.ToString() is "metadata.name" || (draft.Namespaced && f.Path.ToString() == "metadata.namespace"))
            .SelectMany(f => f.Identifiers)
            .ToHashSet(StringComparer.Ordinal);
        var missing = draft.Resource.ForEach.Select(d => d.Name).Where(n => !used.Contains(n)).ToList();
        if (missing.Count > 0)
        {
            _errors.Add(GraphErrorGroup.Dependency, draft.Id, "metadata.name",
                $"node \"{draft.Id}\": all forEach dimensions must be used to produce a unique resource identity, missing: [{string.Join(" ", missing)}]");
        }
    }

    private IReadOnlyList<string>? BuildDag(out DirectedAcyclicGraph<string> dag)
    {
        dag = new DirectedAcyclicGraph<string>();
        foreach (var draft in _drafts)
        {
            dag.AddVertex(draft.Id);
        }

        foreach (var draft in _drafts)
        {
            dag.AddDependencies(draft.Id, draft.Dependencies);
        }

        var sorted = dag.TopologicalSort();
        if (sorted.Cycle is { } cycle)
        {
            _errors.Add(GraphErrorGroup.Dependency, cycle.Cycle[0], string.Empty, $"failed to build dependency graph: {cycle}");
        }

        return sorted.Order;
    }

    private void Report(GraphErrorGroup group, string? resourceId, DraftExpression expression, string message)
    {
        expression.Broken = true;
        _errors.Add(group, resourceId, PathOf(expression), message);
    }

    private static string PathOf(DraftExpression expression) =>
        expression.Place is ExpressionPlace.Status or ExpressionPlace.Condition ? "spec.schema.status." + expression.Path : expression.Path.ToString();

    private static string CompileFailure(DraftExpression expression, string? resourceId, string issues) => expression.Place switch
    {
        ExpressionPlace.Template => $"failed to compile template expression \"{expression.Display}\" at path \"{expression.Path}\": {issues}",
        ExpressionPlace.IncludeWhen => $"failed to type-check includeWhen expression \"{expression.Display}\" in resource \"{resourceId}\": {issues}",
        ExpressionPlace.ReadyWhen => $"failed to type-check readyWhen expression \"{expression.Display}\" in resource \"{resourceId}\": {issues}",
        ExpressionPlace.ForEach => $"node \"{resourceId}\": forEach iterator \"{expression.Dimension}\": failed to compile \"{expression.Display}\": {issues}",
        ExpressionPlace.Status => $"failed to type-check status expression \"{expression.Display}\" at path \"{expression.Path}\": {issues}",
        _ => $"failed to type-check condition \"{expression.Display}\": {issues}",
    };
}
