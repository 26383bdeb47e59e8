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
                var element = Plan(single.Elements[0]);
                return new AppendNode(accuSlot, element, _fastLoops && element is SlotNode or SelectNode { ReadsLoopVariable: true });
            }

            var name = ResolveFunction(call.Function);
            if (name == "size" && call.Args is [var sized] && IsStandardSize(member: false) && TryPlanListChain(call, sized, sizeOnly: true) is { } sizedChain)
            {
                return sizedChain;
            }

            if (name == Operators.OptSelect && TryPlanOptionalChain(call) is { } optionalChain)
            {
                return optionalChain;
            }

            return MakeCall(name, false, call.Args.Select(Plan).ToArray(), call);
        }

        if (TryPlanOptionalChain(call) is { } chain)
        {
            return chain;
        }

        if (call is { Function: "size", Args.Length: 0 } && IsStandardSize(member: true) && TryPlanListChain(call, call.Target, sizeOnly: true) is { } chain2)
        {
            return chain2;
        }

        if (QualifiedParts(call.Target) is { } parts)
        {
            var qualified = string.Join('.', parts.Select(p => p.Name)) + "." + call.Function;
            if (!qualified.StartsWith('.') && TryResolveQualifiedFunction(qualified) is { } fn)
            {
                return MakeCall(fn, false, call.Args.Select(Plan).ToArray(), call);
            }
        }

        return MakeCall(call.Function, true, [Plan(call.Target), .. call.Args.Select(Plan)], call);
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
        return _container.Resolve(name, _functions.Contains);
    }

    private Interpretable MakeCall(string function, bool member, Interpretable[] args, CallExpr call)
    {
        var overloads = _functions.Lookup(function)
            .Where(o => o.IsMember == member && o.Parameters.Length == args.Length && o.Implementation is not null)
            .ToArray();
        var bound = BoundOverload(call.Id, overloads);
        Interpretable general = args.Length switch
        {
            1 => new UnaryCallNode(function, overloads, args[0], bound, _charging),
            2 => new BinaryCallNode(function, overloads, args[0], args[1], _fastLoops, bound, _charging),
            _ => new CallNode(function, overloads, args, bound, _charging),
        };
        general.Position = call.Position;
        return WithJsonFastPath(function, overloads, args, general);
    }

    /// <summary>
    /// Built-in <c>size()</c> and string-literal <c>==</c>/<c>!=</c> over values read from JSON get nodes that work on
    /// the JSON directly (no wrapping, no string materialisation); they fall back to <paramref name="general"/>.
    /// </summary>
    private Interpretable WithJsonFastPath(string function, CelOverload[] overloads, Interpretable[] args, Interpretable general)
    {
        var charges = _charging;
        static bool ReadsJson(Interpretable n) => n is AttributeNode or OptionalChainNode or SlotNode or JsonIndexNode or SelectNode;
        if (overloads is [{ Id: "starts_with_string" or "ends_with_string" or "contains_string" }] && args is [SlotNode receiver, ConstNode { Value: StringValue prefix }])
        {
            return new StringSlotPredicateNode(receiver, function, prefix.Value, general, charges) { Position = general.Position };
        }

        if (function == Operators.Add && overloads.Length > 0 && overloads.All(o => o.Id.StartsWith("add_", StringComparison.Ordinal)))
        {
            return args switch
            {
                [var left, ConstNode { Value: StringValue s }] when ReadsJson(left) => new JsonStringConcatNode(left, s.Value, false, general, charges) { Position = general.Position },
                [ConstNode { Value: StringValue s }, var right] when ReadsJson(right) => new JsonStringConcatNode(right, s.Value, true, general, charges) { Position = general.Position },
                _ => general,
            };
        }

        if (function == Operators.Index && overloads.Any(o => o.Id is "index_list" or "index_map") && overloads.All(o => o.Id is "index_list" or "index_map" || NeverTakesJson(o))
            && args is [var indexed, ConstNode { Value: IntValue or StringValue } key] && ReadsJson(indexed))
        {
            return new JsonIndexNode(indexed, ((ConstNode)key).Value, general) { Position = general.Position };
        }

        var builtIn = overloads.Length > 0 && overloads.All(o => o.Id is "equals" or "not_equals" || o.Id.StartsWith("size_", StringComparison.Ordinal));
        if (!builtIn)
        {
            return general;
        }

        switch (function, args)
        {
            case (Operators.Equals or Operators.NotEquals, [SlotNode variable, ConstNode { Value: StringValue s }]):
                return new StringSlotPredicateNode(variable, function, s.Value, new JsonStringEqualsNode(variable, s.Value, function == Operators.NotEquals, general, charges) { Position = general.Position }, charges) { Position = general.Position };
            case ("size", [var arg]) when ReadsJson(arg):
                return new JsonSizeNode(arg, general, charges);
            case (Operators.Equals or Operators.NotEquals, [var left, ConstNode { Value: StringValue s }]) when ReadsJson(left):
                return new JsonStringEqualsNode(left, s.Value, function == Operators.NotEquals, general, charges);
            case (Operators.Equals or Operators.NotEquals, [ConstNode { Value: StringValue s }, var right]) when ReadsJson(right):
                return new JsonStringEqualsNode(right, s.Value, function == Operators.NotEquals, general, charges);
            default:
                return general;
        }
    }

    /// <summary>Whether an overload's first parameter can never be a list or map read from JSON (the optionals
    /// library's <c>_[_]</c> on optional values), so that dispatch over JSON never picks it.</summary>
    private static bool NeverTakesJson(CelOverload o) =>
        o.Parameters[0].Kind is not (CelTypeKind.Dyn or CelTypeKind.TypeParam or CelTypeKind.List or CelTypeKind.Map);

    /// <summary>
    /// Plans <c>a.?f1.?f2</c> (constant field names), optionally followed by <c>.orValue(d)</c> or <c>.hasValue()</c>,
    /// as one <see cref="OptionalChainNode"/> when those functions are still the optionals library's.
    /// </summary>
    private OptionalChainNode? TryPlanOptionalChain(CallExpr call)
    {
        var mode = OptionalChainMode.Optional;
        Expr? orElse = null;
        var chain = call;
        if (call.Target is CallExpr target && call.Function is "orValue" or "hasValue")
        {
            if (!(call.Function == "orValue" ? call.Args.Length == 1 && IsOnly("orValue", "optional_orValue_value") : call.Args.Length == 0 && IsOnly("hasValue", "optional_hasValue")))
            {
                return null;
            }

            mode = call.Function == "orValue" ? OptionalChainMode.OrValue : OptionalChainMode.HasValue;
            orElse = call.Function == "orValue" ? call.Args[0] : null;
            chain = target;
        }

        var fields = new List<(StringValue Field, int Position)>();
        Expr operand = chain;
        while (operand is CallExpr { Target: null, Function: Operators.OptSelect, Args: [var inner, ConstantExpr { Value: StringValue field }] } step)
        {
            fields.Add((field, step.Position));
            operand = inner;
        }

        if (fields.Count == 0 || !IsOnlyOptSelect())
        {
            return null;
        }

        fields.Reverse();
        var node = new OptionalChainNode(
            Plan(operand), [.. fields.Select(f => f.Field)], [.. fields.Select(f => f.Position)], mode, orElse is null ? null : Plan(orElse));
        node.Position = call.Position;
        return node;
    }

    private bool IsOnly(string function, string overloadId) => _functions.Lookup(function) is [{ } only] && only.Id == overloadId;

    /// <summary>Whether <c>_?._</c> is still the optionals library's (a host may have replaced it).</summary>
    private bool IsOnlyOptSelect() =>
        _functions.Lookup(Operators.OptSelect) is { Count: > 0 } overloads && overloads.All(o => o.Id.StartsWith("select_optional_field", StringComparison.Ordinal));
}
