using OciOperator.Cel.Checking;
using OciOperator.Cel.Values;
using OciOperator.Cel;
using OciOperator.ResourceGraph.Checking;
using OciOperator.ResourceGraph.Diagnostics;
using OciOperator.ResourceGraph.Graph;
using OciOperator.ResourceGraph.Schemas;

namespace OciOperator.ResourceGraph.Building;

/// <summary>
/// Stage 4: compile and type-check every expression against the schemas it reads, and its result against the place it
/// writes (kro.md §4.6): template fields by structural compatibility, includeWhen/readyWhen bool, forEach a list.
/// </summary>
internal sealed partial class GraphBuild
{
    private Dictionary<string, CelType>? _baseVariables;

    private CelLibraries TemplateLibraries => options.EnableOmit ? CelLibraries.All | CelLibraries.KroOmit : CelLibraries.All;

    private Dictionary<string, CelType> BaseVariables()
    {
        if (_baseVariables is null)
        {
            _baseVariables = new Dictionary<string, CelType>(StringComparer.Ordinal) { [Schema] = _schemaType };
            foreach (var draft in _drafts)
            {
                _baseVariables[draft.Id] = draft.VariableType;
            }
        }

        return _baseVariables;
    }

    private void CheckTypes(IReadOnlyList<string>? order)
    {
        foreach (var id in order ?? [.. _drafts.Select(d => d.Id)])
        {
            var draft = _byId[id];
            var baseEnv = _environments.Get("base", BaseVariables(), CelLibraries.All);
            foreach (var expression in draft.ForEach)
            {
                if (Compile(expression, draft.Id, baseEnv) is not { } type)
                {
                    continue;
                }

                if (type.Kind == CelTypeKind.List || type.IsDynOrError)
                {
                    draft.IteratorTypes[expression.Dimension!] = type.Kind == CelTypeKind.List ? type.Elem : CelType.Dyn;
                }
                else
                {
                    Report(GraphErrorGroup.TypeCheck, draft.Id, expression,
                        $"node \"{draft.Id}\": forEach iterator \"{expression.Dimension}\" must return a list, got \"{type}\"");
                }
            }

            var templateEnv = TemplateEnvironment(draft);
            foreach (var expression in draft.Fields)
            {
                if (Compile(expression, draft.Id, templateEnv) is { } type && expression.Standalone)
                {
                    CheckAssignable(draft.Id, expression, type);
                }
            }

            foreach (var expression in draft.IncludeWhen)
            {
                CheckCondition(draft.Id, expression, Compile(expression, draft.Id, baseEnv), "includeWhen");
            }

            // The inspector already allowed only the resource itself (or each, for a collection) in readyWhen, so a
            // non-collection's readyWhen compiles in the shared environment, where its variable has the object's type.
            var readyEnv = draft.Resource.IsCollection
                ? _environments.Get("ready:" + draft.Id, new Dictionary<string, CelType>(StringComparer.Ordinal) { [Each] = draft.ObjectType }, CelLibraries.All)
                : baseEnv;
            foreach (var expression in draft.ReadyWhen)
            {
                CheckCondition(draft.Id, expression, Compile(expression, draft.Id, readyEnv), "readyWhen");
            }
        }
    }

    private CelEnvironment TemplateEnvironment(ResourceDraft draft)
    {
        if (draft.Resource.ForEach.Count == 0)
        {
            return _environments.Get("template", BaseVariables(), TemplateLibraries);
        }

        var variables = new Dictionary<string, CelType>(BaseVariables(), StringComparer.Ordinal);
        foreach (var dimension in draft.Resource.ForEach)
        {
            variables[dimension.Name] = draft.IteratorTypes.GetValueOrDefault(dimension.Name, CelType.Dyn);
        }

        return _environments.Get("template:" + draft.Id, variables, TemplateLibraries);
    }

    /// <summary>Compiles a not-yet-broken expression; reports CEL issues; returns the result type on success.</summary>
    private CelType? Compile(DraftExpression expression, string? resourceId, CelEnvironment env)
    {
        if (expression.Broken)
        {
            return null;
        }

        var compiled = env.Compile(expression.Cel);
        if (!compiled.Success)
        {
            var group = expression.Place is ExpressionPlace.Status or ExpressionPlace.Condition ? GraphErrorGroup.Status : GraphErrorGroup.TypeCheck;
            Report(group, resourceId, expression, CompileFailure(expression, resourceId, string.Join("\n", compiled.Issues)));
            return null;
        }

        expression.Compiled = new CompiledExpression(expression.Display, compiled.Program!, [.. expression.References]);
        return compiled.Program!.ResultType;
    }

    private void CheckAssignable(string resourceId, DraftExpression expression, CelType output)
    {
        if (expression.Schemaless || expression.Expected is null)
        {
            return;
        }

        string? reason;
        string expectedName;
        if (FieldSchema.IsIntOrString(expression.Expected))
        {
            var unwrapped = output.Kind == CelTypeKind.Optional ? output.Elem : output;
            reason = unwrapped.Kind is CelTypeKind.Int or CelTypeKind.Uint or CelTypeKind.String or CelTypeKind.Null || unwrapped.IsDynOrError
                ? null
                : $"type kind mismatch: got {output}, expected int or string";
            expectedName = "int-or-string";
        }
        else
        {
            var expected = OpenApiTypes.FromSchema(expression.Expected, $"{resourceId}.{expression.Path}");
            reason = TypeCompatibility.Check(expected, output);
            expectedName = expected.ToString();
        }

        if (reason is not null)
        {
            Report(GraphErrorGroup.TypeCheck, resourceId, expression,
                $"type mismatch in resource \"{resourceId}\" at path \"{expression.Path}\": expression \"{expression.Display}\" returns type \"{output}\" but expected \"{expectedName}\": {reason}");
        }
    }

    private void CheckCondition(string resourceId, DraftExpression expression, CelType? type, string place)
    {
        if (type is null)
        {
            return;
        }

        var unwrapped = type.Kind == CelTypeKind.Optional ? type.Elem : type;
        if (unwrapped.Kind != CelTypeKind.Bool && !unwrapped.IsDynOrError)
        {
            Report(GraphErrorGroup.TypeCheck, resourceId, expression,
                $"{place} expression \"{expression.Display}\" in resource \"{resourceId}\" must return bool or optional_type(bool), but returns \"{type}\"");
        }
    }
}
