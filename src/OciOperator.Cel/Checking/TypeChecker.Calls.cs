using OciOperator.Cel.Ast;
using OciOperator.Cel.Library;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Checking;

/// <summary>Calls (overload resolution), aggregate literals and comprehensions.</summary>
internal sealed partial class TypeChecker
{
    private CelType CheckCall(CallExpr call)
    {
        if (call is { Target: null, Function: Operators.OptSelect, Args: [var operandExpr, ConstantExpr { Value: StringValue field }] })
        {
            return CheckOptSelect(call, operandExpr, field.Value);
        }

        string function;
        List<Expr> args;
        bool member;
        if (call.Target is not null && QualifiedName(call.Target) is { } qn && !qn.StartsWith('.') && ResolveFunction(qn + "." + call.Function) is { } nsFn)
        {
            function = nsFn;
            args = [.. call.Args];
            member = false;
        }
        else if (call.Target is not null)
        {
            function = call.Function;
            args = [call.Target, .. call.Args];
            member = true;
        }
        else
        {
            function = call.Function.StartsWith('.') ? call.Function[1..] : ResolveFunction(call.Function) ?? call.Function;
            args = [.. call.Args];
            member = false;
        }

        var argTypes = args.Select(Visit).ToList();
        var overloads = _functions.Lookup(function).Where(o => o.IsMember == member && o.Parameters.Length == args.Count).ToList();
        if (!_functions.Contains(function))
        {
            return Error(call, $"undeclared reference to '{function}' (in container '{_container.Name}')");
        }

        CelType? result = null;
        TypeSubstitution? chosen = null;
        var matched = new List<string>(1);
        foreach (var o in overloads)
        {
            var trial = _subst.Copy();
            var renames = new Dictionary<string, CelType>(StringComparer.Ordinal);
            var ok = true;
            for (var i = 0; i < args.Count && ok; i++)
            {
                ok = trial.IsAssignable(Freshen(o.Parameters[i], renames), argTypes[i]);
            }

            if (!ok)
            {
                continue;
            }

            matched.Add(o.Id);
            var r = trial.Apply(Freshen(o.Result, renames));
            if (result is null)
            {
                result = r;
                chosen = trial;
            }
            else if (!TypeSubstitution.IsEqualOrLessSpecific(result, r) || !TypeSubstitution.IsEqualOrLessSpecific(r, result))
            {
                result = CelType.Dyn;
            }
        }

        if (result is null)
        {
            var shown = string.Join(", ", argTypes.Select(t => _subst.Apply(t, dynForFree: true).ToString()));
            return Error(call, $"found no matching overload for '{function}' applied to '({shown})'");
        }

        _subst.CommitFrom(chosen!);
        _overloadIds[call.Id] = [.. matched];
        return result;
    }

    private CelType CheckOptSelect(CallExpr call, Expr operandExpr, string field)
    {
        var operand = _subst.Apply(Visit(operandExpr));
        if (operand.Kind == CelTypeKind.Optional)
        {
            operand = operand.Elem;
        }

        switch (operand.Kind)
        {
            case CelTypeKind.Map:
                return CelType.Optional(operand.Value);
            case CelTypeKind.Message when operand.Fields is { } fields:
                return fields.TryGetValue(field, out var ft) ? CelType.Optional(ft) : Error(call, $"undefined field '{field}'");
            case CelTypeKind.Dyn or CelTypeKind.Error or CelTypeKind.TypeParam:
                return CelType.OptionalOfDyn;
            default:
                return Error(call, $"type '{operand}' does not support field selection");
        }
    }

    private string? ResolveFunction(string name)
    {
        return _container.Resolve(name, _functions.Contains);
    }

    private CelType Freshen(CelType t, Dictionary<string, CelType> renames)
    {
        if (t.Kind == CelTypeKind.TypeParam)
        {
            if (!renames.TryGetValue(t.Name, out var fresh))
            {
                fresh = Fresh(t.Name);
                renames[t.Name] = fresh;
            }

            return fresh;
        }

        return t.Parameters.Length == 0 ? t : t.WithParameters([.. t.Parameters.Select(p => Freshen(p, renames))]);
    }

    private CelType Join(CelType? previous, CelType current)
    {
        if (previous is null)
        {
            return current;
        }

        return _subst.IsAssignable(previous, current) ? TypeSubstitution.MostGeneral(_subst.Apply(previous), _subst.Apply(current)) : CelType.Dyn;
    }

    private CelType CheckList(ListExpr l)
    {
        CelType? elem = null;
        for (var i = 0; i < l.Elements.Length; i++)
        {
            var t = Visit(l.Elements[i]);
            if (l.OptionalIndices.Contains(i))
            {
                t = _subst.Apply(t);
                if (t.Kind == CelTypeKind.Optional)
                {
                    t = t.Elem;
                }
                else if (!t.IsDynOrError)
                {
                    Error(l.Elements[i], $"expected type 'optional_type' but found '{t}'");
                }
            }

            elem = Join(elem, t);
        }

        return CelType.List(elem ?? Fresh("elem"));
    }

    private CelType CheckMap(MapExpr m)
    {
        CelType? key = null;
        CelType? value = null;
        foreach (var entry in m.Entries)
        {
            key = Join(key, Visit(entry.Key));
            var vt = Visit(entry.Value);
            if (entry.Optional)
            {
                vt = _subst.Apply(vt);
                vt = vt.Kind == CelTypeKind.Optional ? vt.Elem : vt;
            }

            value = Join(value, vt);
        }

        return CelType.Map(key ?? Fresh("key"), value ?? Fresh("value"));
    }

    private CelType CheckComprehension(ComprehensionExpr c)
    {
        var range = _subst.Apply(Visit(c.IterRange));
        var accu = Visit(c.AccuInit);
        CelType iter1;
        CelType? iter2 = null;
        switch (range.Kind)
        {
            case CelTypeKind.List:
                iter1 = c.IterVar2 is null ? range.Elem : CelType.Int;
                iter2 = c.IterVar2 is null ? null : range.Elem;
                break;
            case CelTypeKind.Map:
                iter1 = range.Key;
                iter2 = c.IterVar2 is null ? null : range.Value;
                break;
            case CelTypeKind.Dyn or CelTypeKind.Error or CelTypeKind.TypeParam:
                iter1 = CelType.Dyn;
                iter2 = c.IterVar2 is null ? null : CelType.Dyn;
                break;
            default:
                Error(c.IterRange, $"expression of type '{range}' cannot be range of a comprehension (must be list, map, or dynamic)");
                iter1 = CelType.Dyn;
                iter2 = CelType.Dyn;
                break;
        }

        _scope.Add((c.AccuVar, accu));
        _scope.Add((c.IterVar, iter1));
        if (c.IterVar2 is not null)
        {
            _scope.Add((c.IterVar2, iter2!));
        }

        var cond = Visit(c.LoopCondition);
        if (!_subst.IsAssignable(CelType.Bool, cond))
        {
            Error(c.LoopCondition, $"expected type 'bool' but found '{cond}'");
        }

        var step = Visit(c.LoopStep);
        if (!_subst.IsAssignable(accu, step))
        {
            Error(c.LoopStep, $"expected type '{_subst.Apply(accu)}' but found '{_subst.Apply(step)}'");
        }

        _scope.RemoveRange(_scope.Count - (c.IterVar2 is null ? 2 : 3), c.IterVar2 is null ? 2 : 3);
        _scope.Add((c.AccuVar, accu));
        var result = Visit(c.Result);
        _scope.RemoveAt(_scope.Count - 1);
        return result;
    }
}
