using System.Collections.Immutable;
using OciOperator.Cel.Ast;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Parsing;

/// <summary>
/// Expands CEL macros (has, all, exists, exists_one, map, filter, the two-variable forms, cel.bind,
/// optMap/optFlatMap) into comprehensions, exactly as cel-go's parser does.
/// </summary>
internal static class MacroExpander
{
    private const string AccuVar = MacroNames.AccuVar;
    private const string MapInsert = MacroNames.MapInsert;
    private const string SortByAssociatedKeys = MacroNames.SortByAssociatedKeys;

    public static Expr ExpandOrCall(Parser p, int pos, Expr? target, string name, ImmutableArray<Expr> args, bool enabled)
    {
        if (enabled && TryExpand(p, pos, target, name, args) is { } expanded)
        {
            return expanded;
        }

        return new CallExpr(p.NextId(), pos, target, name, args);
    }

    private static Expr? TryExpand(Parser p, int pos, Expr? target, string name, ImmutableArray<Expr> args)
    {
        if (target is null)
        {
            if (name == "has" && args.Length == 1)
            {
                if (args[0] is SelectExpr s)
                {
                    return new SelectExpr(p.NextId(), pos, s.Operand, s.Field, true);
                }

                p.ReportMacroError(pos, "invalid argument to has() macro");
            }

            return null;
        }

        if (target is IdentExpr { Name: "cel" } && TryExpandBlock(p, pos, name, args) is { } block)
        {
            return block;
        }

        if (target is IdentExpr { Name: "runtime" } && name == "newCondition" && args is [MapExpr fields])
        {
            // kro writes condition fields as identifiers ({type: 'Ready', status: 'True'}); they name fields, not variables.
            var entries = fields.Entries.Select(e => e.Key is IdentExpr key
                ? e with { Key = new ConstantExpr(key.Id, key.Position, StringValue.Of(key.Name)) }
                : e);
            return new CallExpr(p.NextId(), pos, target, name, [new MapExpr(fields.Id, fields.Position, [.. entries])]);
        }

        if (target is IdentExpr { Name: "cel" } && name == "bind" && args.Length == 3)
        {
            var v = VarName(p, args[0]);
            return Comp(p, pos, "#unused", null, new ListExpr(p.NextId(), pos, [], []), v, args[1], Const(p, pos, BoolValue.False), Ident(p, pos, v), args[2]);
        }

        switch (name, args.Length)
        {
            case ("all", 2):
                return All(p, pos, target, VarName(p, args[0]), null, args[1]);
            case ("all", 3):
                return All(p, pos, target, VarName(p, args[0]), VarName2(p, args[0], args[1]), args[2]);
            case ("exists", 2):
                return Exists(p, pos, target, VarName(p, args[0]), null, args[1]);
            case ("exists", 3):
                return Exists(p, pos, target, VarName(p, args[0]), VarName2(p, args[0], args[1]), args[2]);
            case ("exists_one" or "existsOne", 2):
                return ExistsOne(p, pos, target, VarName(p, args[0]), null, args[1]);
            case ("exists_one" or "existsOne", 3):
                return ExistsOne(p, pos, target, VarName(p, args[0]), VarName2(p, args[0], args[1]), args[2]);
            case ("map", 2):
                return MapList(p, pos, target, VarName(p, args[0]), null, null, args[1]);
            case ("map", 3):
                return MapList(p, pos, target, VarName(p, args[0]), null, args[1], args[2]);
            case ("filter", 2):
            {
                var v = VarName(p, args[0]);
                return MapList(p, pos, target, v, null, args[1], Ident(p, pos, v));
            }

            case ("transformList", 3):
                return MapList(p, pos, target, VarName(p, args[0]), VarName2(p, args[0], args[1]), null, args[2]);
            case ("transformList", 4):
                return MapList(p, pos, target, VarName(p, args[0]), VarName2(p, args[0], args[1]), args[2], args[3]);
            case ("transformMap", 3):
                return TransformMap(p, pos, target, VarName(p, args[0]), VarName2(p, args[0], args[1]), null, args[2], entry: false);
            case ("transformMap", 4):
                return TransformMap(p, pos, target, VarName(p, args[0]), VarName2(p, args[0], args[1]), args[2], args[3], entry: false);
            case ("transformMapEntry", 3):
                return TransformMap(p, pos, target, VarName(p, args[0]), VarName2(p, args[0], args[1]), null, args[2], entry: true);
            case ("transformMapEntry", 4):
                return TransformMap(p, pos, target, VarName(p, args[0]), VarName2(p, args[0], args[1]), args[2], args[3], entry: true);
            case ("sortBy", 2):
            {
                var v = VarName(p, args[0]);
                var keys = MapList(p, pos, target, v, null, null, args[1]);
                return Call(p, pos, SortByAssociatedKeys, target, keys);
            }

            case ("optMap", 2):
                return OptMap(p, pos, target, VarName(p, args[0]), args[1], flat: false);
            case ("optFlatMap", 2):
                return OptMap(p, pos, target, VarName(p, args[0]), args[1], flat: true);
            default:
                return null;
        }
    }

    /// <summary>
    /// cel.block([e0, e1, ...], result) with cel.index(i) slot references and cel.iterVar/cel.accuVar names
    /// (cel-go's common-subexpression form), expanded to nested bindings.
    /// </summary>
    private static Expr? TryExpandBlock(Parser p, int pos, string name, ImmutableArray<Expr> args)
    {
        switch (name, args.Length)
        {
            case ("index", 1) when args[0] is ConstantExpr { Value: IntValue i } && i.Value >= 0:
                return Ident(p, pos, $"@index{i.Value}");
            case ("iterVar" or "accuVar", 2) when args[0] is ConstantExpr { Value: IntValue a } && args[1] is ConstantExpr { Value: IntValue b }:
                return Ident(p, pos, $"@{(name == "iterVar" ? "it" : "ac")}:{a.Value}:{b.Value}");
            case ("block", 2):
                if (args[0] is not ListExpr { OptionalIndices.Length: 0 } slots)
                {
                    p.ReportMacroError(args[0].Position, "cel.block requires a list literal of slot expressions");
                    return null;
                }

                var result = args[1];
                for (var i = slots.Elements.Length - 1; i >= 0; i--)
                {
                    result = Comp(p, pos, "#unused", null, new ListExpr(p.NextId(), pos, [], []), $"@index{i}", slots.Elements[i], Const(p, pos, BoolValue.False), Ident(p, pos, $"@index{i}"), result);
                }

                return result;
            default:
                return null;
        }
    }

    private static string VarName(Parser p, Expr e)
    {
        if (e is IdentExpr { Name: var n } && !n.StartsWith('.'))
        {
            if (n == AccuVar)
            {
                p.ReportMacroError(e.Position, "iteration variable overwrites accumulator variable");
            }

            return n;
        }

        p.ReportMacroError(e.Position, "argument must be a simple name");
        return string.Empty;
    }

    private static string VarName2(Parser p, Expr first, Expr second)
    {
        var a = VarName(p, first);
        var b = VarName(p, second);
        if (a == b)
        {
            p.ReportMacroError(second.Position, $"duplicate variable name: {a}");
        }

        return b;
    }

    private static ComprehensionExpr Comp(Parser p, int pos, string iterVar, string? iterVar2, Expr range, string accu, Expr init, Expr cond, Expr step, Expr result) =>
        new(p.NextId(), pos, iterVar, iterVar2, range, accu, init, cond, step, result);

    private static ConstantExpr Const(Parser p, int pos, CelValue v) => new(p.NextId(), pos, v);

    private static IdentExpr Ident(Parser p, int pos, string name) => new(p.NextId(), pos, name);

    private static CallExpr Call(Parser p, int pos, string fn, params Expr[] args) => new(p.NextId(), pos, null, fn, [.. args]);

    private static ComprehensionExpr All(Parser p, int pos, Expr target, string v, string? v2, Expr pred) =>
        Comp(p, pos, v, v2, target, AccuVar, Const(p, pos, BoolValue.True),
            Call(p, pos, Operators.NotStrictlyFalse, Ident(p, pos, AccuVar)),
            Call(p, pos, Operators.LogicalAnd, Ident(p, pos, AccuVar), pred),
            Ident(p, pos, AccuVar));

    private static ComprehensionExpr Exists(Parser p, int pos, Expr target, string v, string? v2, Expr pred) =>
        Comp(p, pos, v, v2, target, AccuVar, Const(p, pos, BoolValue.False),
            Call(p, pos, Operators.NotStrictlyFalse, Call(p, pos, Operators.LogicalNot, Ident(p, pos, AccuVar))),
            Call(p, pos, Operators.LogicalOr, Ident(p, pos, AccuVar), pred),
            Ident(p, pos, AccuVar));

    private static ComprehensionExpr ExistsOne(Parser p, int pos, Expr target, string v, string? v2, Expr pred) =>
        Comp(p, pos, v, v2, target, AccuVar, Const(p, pos, IntValue.Of(0)),
            Const(p, pos, BoolValue.True),
            Call(p, pos, Operators.Conditional, pred, Call(p, pos, Operators.Add, Ident(p, pos, AccuVar), Const(p, pos, IntValue.Of(1))), Ident(p, pos, AccuVar)),
            Call(p, pos, Operators.Equals, Ident(p, pos, AccuVar), Const(p, pos, IntValue.Of(1))));

    private static ComprehensionExpr MapList(Parser p, int pos, Expr target, string v, string? v2, Expr? filter, Expr transform)
    {
        Expr step = Call(p, pos, Operators.Add, Ident(p, pos, AccuVar), new ListExpr(p.NextId(), pos, [transform], []));
        if (filter is not null)
        {
            step = Call(p, pos, Operators.Conditional, filter, step, Ident(p, pos, AccuVar));
        }

        return Comp(p, pos, v, v2, target, AccuVar, new ListExpr(p.NextId(), pos, [], []), Const(p, pos, BoolValue.True), step, Ident(p, pos, AccuVar));
    }

    private static ComprehensionExpr TransformMap(Parser p, int pos, Expr target, string k, string v, Expr? filter, Expr transform, bool entry)
    {
        Expr step = entry
            ? Call(p, pos, MapInsert, Ident(p, pos, AccuVar), transform)
            : Call(p, pos, MapInsert, Ident(p, pos, AccuVar), Ident(p, pos, k), transform);
        if (filter is not null)
        {
            step = Call(p, pos, Operators.Conditional, filter, step, Ident(p, pos, AccuVar));
        }

        return Comp(p, pos, k, v, target, AccuVar, new MapExpr(p.NextId(), pos, []), Const(p, pos, BoolValue.True), step, Ident(p, pos, AccuVar));
    }

    private static CallExpr OptMap(Parser p, int pos, Expr target, string v, Expr body, bool flat)
    {
        var bind = Comp(p, pos, "#unused", null, new ListExpr(p.NextId(), pos, [], []), v,
            new CallExpr(p.NextId(), pos, target, "value", []), Const(p, pos, BoolValue.False), Ident(p, pos, v), body);
        Expr then = flat ? bind : Call(p, pos, "optional.of", bind);
        return Call(p, pos, Operators.Conditional, new CallExpr(p.NextId(), pos, target, "hasValue", []), then, Call(p, pos, "optional.none"));
    }
}
