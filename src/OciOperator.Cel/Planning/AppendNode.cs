using OciOperator.Cel.Values;

namespace OciOperator.Cel.Planning;

/// <summary>The planned form of <c>@result + [e]</c> inside a comprehension step: appends in place.</summary>
internal sealed class AppendNode(int accuSlot, Interpretable element) : Interpretable
{
    public override CelValue Eval(EvalContext ctx)
    {
        var accu = ctx.Slots[accuSlot];
        var v = element.Eval(ctx);
        if (v is ErrorValue)
        {
            return v;
        }

        if (accu is not MutableListValue list)
        {
            return accu is ListValue l ? ArrayListValue.Concat(l, new ArrayListValue([v])) : accu;
        }

        if (list.Count >= ctx.MaxCollectionSize)
        {
            return Error($"collection size exceeds limit {ctx.MaxCollectionSize}");
        }

        list.Add(v);
        return list;
    }
}
