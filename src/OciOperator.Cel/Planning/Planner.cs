using OciOperator.Cel.Ast;
using OciOperator.Cel.Common;
using OciOperator.Cel.Library;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Planning;

/// <summary>Turns an AST into a tree of <see cref="Interpretable"/> nodes, resolving names and overload candidates once.</summary>
internal sealed partial class Planner
{
    private readonly FunctionRegistry _functions;
    private readonly Container _container;
    private readonly List<(string Name, int Slot)> _scope = [];
    private readonly Stack<int> _mutableAccu = new();
    private readonly IReadOnlyDictionary<string, CelType>? _declared;
    private readonly bool _fastLoops;
    private readonly Dictionary<string, int> _variableSlots = new(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<long, string[]>? _overloadIds;
    private int _slots;

    /// <param name="declared">For checked programs, the declared variables: names then resolve only to them, as the
    /// checker resolved them (no run-time probing of other candidate names).</param>
    /// <param name="fastLoops">Whether the fast paths are taken (off only to test them against the general path).</param>
    /// <param name="overloadIds">For checked programs, the overloads the checker resolved per call (see
    /// <c>TypeChecker.OverloadIds</c>): a call resolved to one overload is bound to it at plan time.</param>
    public Planner(FunctionRegistry functions, string container, IReadOnlyDictionary<string, CelType>? declared = null, bool fastLoops = true,
        IReadOnlyDictionary<long, string[]>? overloadIds = null)
    {
        _overloadIds = overloadIds;
        _fastLoops = fastLoops;
        _functions = functions;
        _container = new Container(container);
        _declared = declared;
    }

    public int SlotCount => _slots;

    /// <summary>How many distinct variable names the program may read (each has a slot, see <see cref="VariableSlotOf"/>).</summary>
    public int VariableCount => _variableSlots.Count;

    /// <summary>The declarations the program was checked against (null for unchecked programs).</summary>
    public IReadOnlyDictionary<string, CelType>? Declared => _declared;

    public Interpretable Plan(Expr e)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        return PlanNode(e);
    }

    private Interpretable PlanNode(Expr e)
    {
        if (_regionRoots?.Contains(e) == true && !_inRegion)
        {
            return PlanStaticRegion(e);
        }

        _planning.Push(e);
        var node = PlanNodeCore(e);
        _planning.Pop();
        if (node.Position < 0)
        {
            node.Position = e.Position;
        }

        if (_recording is { } recording)
        {
            recording.Record(e, _planning.Count > 0 ? _planning.Peek() : null, node.StaticCost);
        }

        return node;
    }

    private Interpretable PlanNodeCore(Expr e) => e switch
    {
        ConstantExpr c => new ConstNode(c.Value),
        IdentExpr id => PlanIdent(id),
        SelectExpr s => PlanSelect(s),
        CallExpr call => PlanCall(call),
        ListExpr l => new ListNode(l.Elements.Select(Plan).ToArray(), Enumerable.Range(0, l.Elements.Length).Select(i => l.OptionalIndices.Contains(i)).ToArray()),
        MapExpr m => new MapNode(m.Entries.Select(x => Plan(x.Key)).ToArray(), m.Entries.Select(x => Plan(x.Value)).ToArray(), m.Entries.Select(x => x.Optional).ToArray()),
        ComprehensionExpr comp => PlanComprehension(comp),
        StructExpr st => new ErrorNode($"unknown type '{st.TypeName}': message construction is not supported"),
        _ => new ErrorNode($"unsupported expression {e.GetType().Name}"),
    };

    private int? LocalSlot(string name)
    {
        for (var i = _scope.Count - 1; i >= 0; i--)
        {
            if (_scope[i].Name == name)
            {
                return _scope[i].Slot;
            }
        }

        return null;
    }

    private Interpretable PlanIdent(IdentExpr id)
    {
        if (!id.Name.StartsWith('.') && LocalSlot(id.Name) is { } slot)
        {
            return new SlotNode(slot);
        }

        return PlanAttribute([(id.Name, id.Position)]);
    }

    private Interpretable PlanSelect(SelectExpr s)
    {
        if (!s.TestOnly && QualifiedParts(s) is { } parts)
        {
            return PlanAttribute(parts);
        }

        return new SelectNode(Plan(s.Operand), s.Field, s.TestOnly);
    }

    /// <summary>The identifier chain of <c>a.b.c</c> when its root is not a local variable.</summary>
    private List<(string Name, int Position)>? QualifiedParts(Expr e)
    {
        switch (e)
        {
            case IdentExpr id:
                return !id.Name.StartsWith('.') && LocalSlot(id.Name) is not null ? null : [(id.Name, id.Position)];
            case SelectExpr { TestOnly: false } s when QualifiedParts(s.Operand) is { } parts:
                parts.Add((s.Field, s.Position));
                return parts;
            default:
                return null;
        }
    }

    private AttributeNode PlanAttribute(List<(string Name, int Position)> located)
    {
        var parts = located.Select(p => p.Name).ToList();
        var rooted = parts[0].StartsWith('.');
        if (rooted)
        {
            parts[0] = parts[0][1..];
        }

        var prefixes = _container.Prefixes(rooted);
        var candidates = new List<AttributeCandidate>();
        for (var k = parts.Count; k >= 1; k--)
        {
            var name = string.Join('.', parts.Take(k));
            var fields = parts.Skip(k).Select(StringValue.Of).ToArray();
            var positions = located.Skip(k).Select(p => p.Position).ToArray();
            foreach (var p in prefixes)
            {
                if (_declared is null || _declared.ContainsKey(p + name))
                {
                    var variable = p + name;
                    var declaredType = _declared is not null && _declared.TryGetValue(variable, out var dt) ? dt : null;
                    candidates.Add(new AttributeCandidate(variable, fields, positions, VariableSlotOf(variable), declaredType));
                }
            }
        }

        var full = string.Join('.', parts);
        CelValue? typeValue = _container.ResolveType(full, _functions.Types, rooted) is { } t ? new TypeValue(t) : null;

        return new AttributeNode([.. candidates], typeValue, full, _container.Name) { Position = located[0].Position };
    }

    private int VariableSlotOf(string variable)
    {
        if (!_variableSlots.TryGetValue(variable, out var slot))
        {
            slot = _variableSlots.Count;
            _variableSlots.Add(variable, slot);
        }

        return slot;
    }

    private Interpretable PlanComprehension(ComprehensionExpr c)
    {
        if (_fastLoops && TryPlanQuantifier(c) is { } quantifier)
        {
            return quantifier;
        }

        if (TryPlanListChain(c, c, sizeOnly: false) is { } chain)
        {
            return chain;
        }

        var range = Plan(c.IterRange);
        var init = Plan(c.AccuInit);
        var accuSlot = _slots++;
        var iterSlot = _slots++;
        var iter2Slot = c.IterVar2 is null ? -1 : _slots++;
        var mutable = c.AccuInit is ListExpr { Elements.Length: 0 } && IsAppendStep(c.LoopStep, c.AccuVar) && c.Result is IdentExpr r && r.Name == c.AccuVar;

        _scope.Add((c.AccuVar, accuSlot));
        var result = Plan(c.Result);
        _scope.Add((c.IterVar, iterSlot));
        if (c.IterVar2 is not null)
        {
            _scope.Add((c.IterVar2, iter2Slot));
        }

        var cond = Plan(c.LoopCondition);
        _mutableAccu.Push(mutable ? accuSlot : -1);
        var step = Plan(c.LoopStep);
        _mutableAccu.Pop();
        _scope.RemoveRange(_scope.Count - (c.IterVar2 is null ? 2 : 3), c.IterVar2 is null ? 2 : 3);
        return new ComprehensionNode(iterSlot, iter2Slot, range, accuSlot, init, cond, step, result, mutable);
    }

    private static bool IsAppendStep(Expr step, string accu) => step switch
    {
        CallExpr { Function: Operators.Add, Target: null } add => add.Args[0] is IdentExpr id && id.Name == accu && add.Args[1] is ListExpr { Elements.Length: 1, OptionalIndices.Length: 0 },
        CallExpr { Function: Operators.Conditional } cond => IsAppendStep(cond.Args[1], accu) && cond.Args[2] is IdentExpr id2 && id2.Name == accu,
        _ => false,
    };

    private static bool IsAccuAppend(CallExpr call, string? accuName) =>
        accuName is not null && call.Function == Operators.Add && call.Target is null && call.Args[0] is IdentExpr id && id.Name == accuName
        && call.Args[1] is ListExpr { Elements.Length: 1, OptionalIndices.Length: 0 };

    internal static bool IsMacroAccu(string name) => name == MacroNames.AccuVar;
}
