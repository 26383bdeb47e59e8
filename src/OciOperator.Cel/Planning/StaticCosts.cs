namespace OciOperator.Cel.Planning;

/// <summary>Sums of <see cref="Interpretable.StaticCost"/> (null when any part varies).</summary>
internal static class StaticCosts
{
    public static long? Sum(Interpretable[] nodes)
    {
        long total = 0;
        foreach (var n in nodes)
        {
            if (n.StaticCost is not { } c)
            {
                return null;
            }

            total += c;
        }

        return total;
    }

    /// <summary>A strict call charges one unit after its arguments. (A list it builds is charged for its size as it is
    /// built, in both ways of charging; that part is not static and stays where it is.)</summary>
    public static long? OfCall(long? arguments) => arguments + 1;
}
