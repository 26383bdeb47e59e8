using OciOperator.Cel.Values;

namespace OciOperator.Cel.Planning;

/// <summary>
/// The planned form of <c>@result + [e]</c> inside a comprehension step: appends in place. With <paramref name="raw"/>
/// (an element that only reads JSON: a loop variable or a field of one), a JSON element is appended unwrapped, so that
/// filter/map over JSON wrap only what is read later.
/// </summary>
internal sealed class AppendNode(int accuSlot, Interpretable element, bool raw) : Interpretable
{
    public override CelValue Eval(EvalContext ctx)
    {
        var accu = ctx.Slots[accuSlot];
        if (raw && accu is MutableListValue into && element.TryEvalJson(ctx, out var node, out var type) && MutableListValue.WrapsSafely(type))
        {
            if (into.Count >= ctx.MaxCollectionSize)
            {
                return Error($"collection size exceeds limit {ctx.MaxCollectionSize}");
            }

            if (into.TryAddRaw(node, type))
            {
                return into;
            }
        }

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
