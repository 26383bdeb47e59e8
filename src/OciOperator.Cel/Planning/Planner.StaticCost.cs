using OciOperator.Cel.Ast;

namespace OciOperator.Cel.Planning;

/// <summary>
/// Static cost of loop-free code: a program is planned once to find the largest subtrees whose cost is the same on
/// every successful evaluation (<see cref="Interpretable.StaticCost"/>, two units or more), then planned again with
/// each such subtree as a <see cref="StaticCostNode"/> that charges it once. Loops, short-circuits and lazy defaults
/// keep charging as they run.
/// </summary>
internal sealed partial class Planner
{
    private readonly Stack<Expr> _planning = new();
    private StaticCostRecording? _recording;
    private HashSet<Expr>? _regionRoots;
    private bool _inRegion;
    private bool _charging = true;

    /// <summary>Plans a whole program (the entry point for <see cref="CelEnvironment"/>).</summary>
    public Interpretable PlanProgram(Expr root)
    {
        if (!_fastLoops)
        {
            return Plan(root);
        }

        _recording = new StaticCostRecording();
        var first = Plan(root);
        var roots = _recording.Roots();
        _recording = null;
        if (roots.Count == 0)
        {
            return first;
        }

        _regionRoots = roots;
        _slots = 0;
        return Plan(root);
    }

    private StaticCostNode PlanStaticRegion(Expr e)
    {
        _inRegion = true;
        _charging = false;
        var uncharged = PlanNode(e);
        _charging = true;
        var charged = PlanNode(e);
        _inRegion = false;
        var cost = charged.StaticCost ?? throw new InvalidOperationException("a static region planned without a static cost");
        return new StaticCostNode(cost, uncharged, charged) { Position = e.Position };
    }

    /// <summary>What the first planning saw: each expression's static cost and the expression it was planned in.</summary>
    private sealed class StaticCostRecording
    {
        private readonly Dictionary<Expr, long?> _costs = new(ReferenceEqualityComparer.Instance);
        private readonly List<(Expr Child, Expr? Parent)> _edges = [];

        public void Record(Expr e, Expr? parent, long? cost)
        {
            // An expression planned twice (a fused chain's fallback) is static only if both plans agree.
            _costs[e] = _costs.TryGetValue(e, out var earlier) && earlier != cost ? null : cost;
            _edges.Add((e, parent));
        }

        /// <summary>Static expressions of cost two or more that are not inside a static expression.</summary>
        public HashSet<Expr> Roots()
        {
            var roots = new HashSet<Expr>(ReferenceEqualityComparer.Instance);
            foreach (var (child, parent) in _edges)
            {
                if (_costs[child] is >= 2 && (parent is null || _costs[parent] is null))
                {
                    roots.Add(child);
                }
            }

            // A root planned in one place under a static parent and elsewhere under a dynamic one stays a root: inside a
            // static region nothing is wrapped again (see PlanNode), so it is never charged twice.
            return roots;
        }
    }
}
