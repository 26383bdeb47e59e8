using OciOperator.Cel.Ast;
using OciOperator.Cel.Library;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Planning;

/// <summary>Planning of calls: logical operators, in-place list append, namespaced functions, overload candidates.</summary>
internal sealed partial class Planner
{
    private Interpretable PlanCall(CallExpr call)
    {
        if (call.Target is null)
        {
            switch (call.Function)
            {
                case Operators.LogicalAnd:
                    return new AndNode(Plan(call.Args[0]), Plan(call.Args[1]));
                case Operators.LogicalOr:
                    return new OrNode(Plan(call.Args[0]), Plan(call.Args[1]));
                case Operators.Conditional:
                    return new ConditionalNode(Plan(call.Args[0]), Plan(call.Args[1]), Plan(call.Args[2]));
                case Operators.NotStrictlyFalse:
                    return new NotStrictlyFalseNode(Plan(call.Args[0]));
            }

            if (_mutableAccu.Count > 0 && _mutableAccu.Peek() is var accuSlot and >= 0 && call.Function == Operators.Add
                && call.Args[0] is IdentExpr id && LocalSlot(id.Name) == accuSlot && call.Args[1] is ListExpr { Elements.Length: 1, OptionalIndices.Length: 0 } single)
            {
                return new AppendNode(accuSlot, Plan(single.Elements[0]));
            }

            var name = ResolveFunction(call.Function);
            if (name == Operators.OptSelect && call.Args is [var operand, ConstantExpr { Value: StringValue field }] && UsesBuiltInOptSelect())
            {
                return new OptionalSelectNode(Plan(operand), field);
            }

            return MakeCall(name, false, call.Args.Select(Plan).ToArray());
        }

        if (QualifiedParts(call.Target) is { } parts)
        {
            var qualified = string.Join('.', parts.Select(p => p.Name)) + "." + call.Function;
            if (!qualified.StartsWith('.') && TryResolveQualifiedFunction(qualified) is { } fn)
            {
                return MakeCall(fn, false, call.Args.Select(Plan).ToArray());
            }
        }

        return MakeCall(call.Function, true, [Plan(call.Target), .. call.Args.Select(Plan)]);
    }

    private string ResolveFunction(string name)
    {
        if (name.StartsWith('.'))
        {
            return name[1..];
        }

        return TryResolveQualifiedFunction(name) ?? name;
    }

    private string? TryResolveQualifiedFunction(string name)
    {
        foreach (var p in _prefixes)
        {
            if (_functions.Contains(p + name))
            {
                return p + name;
            }
        }

        return null;
    }

    private Interpretable MakeCall(string function, bool member, Interpretable[] args)
    {
        var overloads = _functions.Lookup(function)
            .Where(o => o.IsMember == member && o.Parameters.Length == args.Length && o.Implementation is not null)
            .ToArray();
        return args.Length switch
        {
            1 => new UnaryCallNode(function, overloads, args[0]),
            2 => new BinaryCallNode(function, overloads, args[0], args[1]),
            _ => new CallNode(function, overloads, args),
        };
    }

    /// <summary>Whether <c>_?._</c> is still the optionals library's (a host may have replaced it).</summary>
    private bool UsesBuiltInOptSelect() =>
        _functions.Lookup(Operators.OptSelect) is { Count: > 0 } overloads && overloads.All(o => o.Id.StartsWith("select_optional_field", StringComparison.Ordinal));
}
